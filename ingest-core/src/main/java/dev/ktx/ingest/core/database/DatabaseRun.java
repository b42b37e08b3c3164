package dev.ktx.ingest.core.database;

import dev.ktx.ingest.core.config.ConnectionConfig;
import dev.ktx.ingest.core.git.ContextRepository;
import dev.ktx.ingest.core.git.SessionId;
import dev.ktx.ingest.core.job.JobOutcome;
import dev.ktx.ingest.core.job.SessionCrash;
import dev.ktx.ingest.core.plan.Operation;
import dev.ktx.ingest.core.plan.Step;
import dev.ktx.ingest.core.plan.StepStatus;
import dev.ktx.ingest.core.plan.TargetResult;
import dev.ktx.ingest.core.plan.TargetResults;
import dev.ktx.ingest.core.repo.SyncId;
import dev.ktx.ingest.core.trace.TargetTracer;
import dev.ktx.ingest.core.trace.TraceSink;
import java.time.Clock;
import java.util.List;

/**
 * One database run in its session, the counterpart of {@link dev.ktx.ingest.core.source.SourceRun}: scan against
 * the session's base ({@link DatabaseIngest}), then commit the changes for the finalizer, report an unchanged schema,
 * or leave the session with a {@code crash} sentinel when the schema could not be read. The session must already be
 * open; this class never writes {@code main}. A transient failure (database unreachable) is thrown for the job to run
 * again.
 */
public final class DatabaseRun {

    private final ContextRepository repo;
    private final TraceSink traces;
    private final Clock clock;

    public DatabaseRun(ContextRepository repo, TraceSink traces, Clock clock) {
        this.repo = repo;
        this.traces = traces;
        this.clock = clock;
    }

    public JobOutcome run(SessionId session, ConnectionConfig connection, DatabaseIngest ingest, String jobId) {
        String base = repo.sessionHead(session)
                .orElseThrow(() -> new IllegalStateException("session " + session + " is not open"));
        DatabaseIngestResult scanned = ingest.run(connection, repo.tree(base), new SyncId(clock.instant(), jobId));
        TargetResult result = TargetResults.of(
                connection, Operation.DATABASE_INGEST, List.of(scanned.schema(), scanned.queryHistory()));
        if (scanned.schema().status() == StepStatus.FAILED) {
            SessionCrash.record(
                    repo,
                    session,
                    base,
                    scanned.schema().detail(),
                    new TargetTracer(traces, clock, session.runId(), session.connectionId()),
                    Step.DATABASE_SCHEMA.wireName(),
                    clock);
            return new JobOutcome.Failed(result);
        }
        if (scanned.changes().isEmpty()) {
            return new JobOutcome.Unchanged(result);
        }
        repo.commit(session, scanned.changes(), "ktx: scan " + connection.id());
        return new JobOutcome.ReadyToFinalize(result, List.copyOf(connection.semanticLayerTargets()));
    }
}
