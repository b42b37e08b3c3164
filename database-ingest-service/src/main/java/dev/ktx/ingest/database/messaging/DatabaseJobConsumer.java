package dev.ktx.ingest.database.messaging;

import dev.ktx.ingest.core.config.ConnectionConfig;
import dev.ktx.ingest.core.config.SecretResolver;
import dev.ktx.ingest.core.database.DatabaseIngest;
import dev.ktx.ingest.core.database.DatabaseIngestResult;
import dev.ktx.ingest.core.job.JobOutcome;
import dev.ktx.ingest.core.job.TargetJob;
import dev.ktx.ingest.core.plan.Operation;
import dev.ktx.ingest.core.plan.StepStatus;
import dev.ktx.ingest.core.plan.TargetResult;
import dev.ktx.ingest.core.repo.SyncId;
import dev.ktx.ingest.database.connector.DatabaseConnectors;
import dev.ktx.ingest.worker.TargetJobRunner;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Clock;
import java.util.List;

/**
 * Consumes {@code jobs.database} (keyed by project, one job at a time: database targets run one after the other),
 * scans the warehouse into the session and hands it to the finalizer; an unchanged schema commits nothing.
 */
@ApplicationScoped
public class DatabaseJobConsumer {

    private final TargetJobRunner runner;
    private final DatabaseConnectors connectors;
    private final Clock clock = Clock.systemUTC();

    public DatabaseJobConsumer(TargetJobRunner runner, DatabaseConnectors connectors) {
        this.runner = runner;
        this.connectors = connectors;
    }

    @Incoming("jobs-database")
    @Blocking
    public void job(String json) {
        runner.run(json, Operation.DATABASE_INGEST, this::scan);
    }

    private JobOutcome scan(TargetJob job) {
        ConnectionConfig connection = job.connection();
        DatabaseIngest ingest = new DatabaseIngest(connectors.forConnection(connection), SecretResolver.system());
        DatabaseIngestResult scanned = ingest.run(connection, job.repo().tree(job.baseCommit()),
                new SyncId(clock.instant(), job.message().jobId()));
        TargetResult result = new TargetResult(connection.id(), connection.driver(), Operation.DATABASE_INGEST,
                List.of(scanned.schema(), scanned.queryHistory()));
        if (scanned.schema().status() == StepStatus.FAILED) {
            return new JobOutcome.Failed(result);
        }
        if (scanned.changes().isEmpty()) {
            return new JobOutcome.Unchanged(result);
        }
        job.repo().commit(job.session(), scanned.changes(), "ktx: scan " + connection.id());
        return new JobOutcome.ReadyToFinalize(result, List.copyOf(connection.semanticLayerTargets()));
    }
}
