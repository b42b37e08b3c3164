package dev.ktx.ingest.core.source;

import dev.ktx.ingest.core.git.Changeset;
import dev.ktx.ingest.core.git.ContextRepository;
import dev.ktx.ingest.core.git.Sentinel;
import dev.ktx.ingest.core.git.SessionId;
import dev.ktx.ingest.core.job.SessionCrash;
import dev.ktx.ingest.core.repo.ProvenanceCodec;
import dev.ktx.ingest.core.repo.RepoPath;
import dev.ktx.ingest.core.repo.RepoPaths;
import dev.ktx.ingest.core.repo.RepoTree;
import dev.ktx.ingest.core.repo.SyncId;
import dev.ktx.ingest.core.retry.TransientFailure;
import dev.ktx.ingest.core.retry.TransientFailures;
import dev.ktx.ingest.core.trace.TargetTracer;
import dev.ktx.ingest.core.trace.TraceSink;
import dev.ktx.ingest.core.window.PhaseRefresh;
import dev.ktx.ingest.core.window.ReconciliationRefresh;
import dev.ktx.ingest.core.window.SessionFailure;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One source run in its session (docs/ingest-core.md): fetch → stage the raw snapshot → work units in parallel against the
 * same base → integration in unit order → commit → refresh from {@code main} ({@code before_reconciliation}) →
 * reconciliation. The session must already be open (from the {@code main} head read at job start); this class never
 * writes {@code main}. Every failure leaves the session ref plus a sentinel, except a transient one (I/O, Redis, ...:
 * {@link TransientFailures}), which is thrown as a {@link TransientPhaseFailure} for the job to run again.
 */
public final class SourceRun {

    private final ContextRepository repo;
    private final ReconciliationRefresh refresh;
    private final TraceSink traceSink;
    private final Clock clock;
    private final WorkUnitExecutor executor;

    /** @param workUnitConcurrency {@code ingest.workUnits.maxConcurrency} */
    public SourceRun(
            ContextRepository repo,
            ReconciliationRefresh refresh,
            TraceSink traceSink,
            Clock clock,
            int workUnitConcurrency) {
        this.repo = repo;
        this.refresh = refresh;
        this.traceSink = traceSink;
        this.clock = clock;
        this.executor = new WorkUnitExecutor(workUnitConcurrency);
    }

    public SourceRunResult run(
            String projectId, SessionId session, SourceAdapter adapter, SourceContext context, String jobId)
            throws InterruptedException {
        String baseHead = repo.sessionHead(session)
                .orElseThrow(() -> new IllegalStateException("session " + session + " is not open"));
        SyncId syncId = new SyncId(clock.instant(), jobId);
        try {
            return runPhases(projectId, session, adapter, context, syncId, baseHead);
        } catch (PhaseFailure failure) {
            return crashed(session, context.connectionId(), syncId, baseHead, failure);
        }
    }

    private SourceRunResult runPhases(
            String projectId,
            SessionId session,
            SourceAdapter adapter,
            SourceContext context,
            SyncId syncId,
            String baseHead)
            throws InterruptedException {
        String connection = context.connectionId();
        RawSnapshot raw = phase("fetch", () -> adapter.fetch(context));
        StagedSnapshot staged = phase("stage", () -> stage(raw, connection, adapter.sourceKey(), syncId));
        RepoTree base = repo.tree(baseHead);
        Optional<PreviousSync> previous =
                phase("stage", () -> PreviousSync.latestBefore(base, connection, adapter.sourceKey(), syncId));
        if (phase("stage", () -> previous.isPresent() && previous.get().hasSameFiles(staged.files()))) {
            return SourceRunResult.unchanged(syncId, staged.files().size());
        }
        List<WorkUnit> units = phase("plan", () -> adapter.plan(staged, context, base));
        List<WorkUnitExecutor.UnitResult> results = phase("work_units", () -> executor.runAll(units, staged, base));
        Integration integrated = phase("integration", () -> Integration.of(results));
        Set<String> stale = phase("integration", () -> staleArtifacts(staged, previous, integrated, base));
        String provenancePath = RepoPaths.provenance(connection, adapter.sourceKey(), syncId.toString());
        Changeset.Builder changes = Changeset.builder()
                .write(provenancePath, ProvenanceCodec.write(integrated.provenance()))
                .writeAll(integrated.writes());
        staged.files().forEach((path, content) -> changes.write(staged.rawRoot() + "/" + path, content));
        stale.forEach(changes::delete);
        phase("commit", () -> repo.commit(session, changes.build(), "ktx: " + connection + " sync " + syncId));
        SourceRunResult.Counts counts = new SourceRunResult.Counts(
                results.size(),
                staged.files().size(),
                integrated.writes().size(),
                stale.size(),
                integrated.provenance().size(),
                0);
        return refreshAndReconcile(projectId, session, syncId, integrated, provenancePath, counts, raw.partial());
    }

    private SourceRunResult refreshAndReconcile(
            String projectId,
            SessionId session,
            SyncId syncId,
            Integration integrated,
            String provenancePath,
            SourceRunResult.Counts counts,
            Optional<String> partial)
            throws InterruptedException {
        PhaseRefresh.Refreshed refreshed = phase("refresh", () -> refresh.refresh(projectId, session));
        if (refreshed.failure().isPresent()) {
            return SourceRunResult.failed(syncId, refreshed.failure().get(), counts);
        }
        RepoTree refreshedTree = repo.tree(refreshed.result().sessionHead());
        Reconciliation.Outcome reconciled =
                phase("reconciliation", () -> Reconciliation.reconcile(refreshedTree, integrated, provenancePath));
        String head = phase(
                "commit",
                () -> repo.commit(
                        session, reconciled.changes(), "ktx: " + session.connectionId() + " reconciliation " + syncId));
        return SourceRunResult.ready(syncId, head, counts.withOverlaysRemoved(reconciled.overlaysRemoved()), partial);
    }

    /** @throws IllegalArgumentException for a raw path that would leave or not fit the snapshot directory */
    private static StagedSnapshot stage(RawSnapshot raw, String connection, String sourceKey, SyncId syncId) {
        StagedSnapshot staged = new StagedSnapshot(connection, sourceKey, syncId, raw.files(), raw.authoritative());
        for (String path : staged.files().keySet()) {
            boolean fits = RepoPaths.classify(staged.rawRoot() + "/" + path)
                    .filter(p -> p instanceof RepoPath.RawFilePath file
                            && file.relativePath().equals(path))
                    .isPresent();
            if (!fits) {
                throw new IllegalArgumentException("raw snapshot path not allowed: " + path);
            }
        }
        return staged;
    }

    /**
     * What the previous sync wrote and this one no longer does. Only a complete (authoritative) fetch may delete:
     * a partial one cannot tell "gone upstream" from "not fetched".
     */
    private static Set<String> staleArtifacts(
            StagedSnapshot staged, Optional<PreviousSync> previous, Integration integrated, RepoTree base) {
        Set<String> stale = new TreeSet<>();
        if (staged.authoritative() && previous.isPresent()) {
            previous.get().producedPaths().stream()
                    .filter(path -> !integrated.writes().containsKey(path) && base.exists(path))
                    .forEach(stale::add);
        }
        return stale;
    }

    private SourceRunResult crashed(
            SessionId session, String connection, SyncId syncId, String baseHead, PhaseFailure failure) {
        Throwable cause = failure.getCause();
        String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        String error = failure.phase + " failed for connection " + connection + ": " + why;
        SessionCrash.record(
                repo,
                session,
                baseHead,
                error,
                new TargetTracer(traceSink, clock, session.runId(), session.connectionId()),
                failure.phase,
                clock);
        return SourceRunResult.failed(
                syncId, new SessionFailure(Sentinel.Outcome.crash, error, List.of()), SourceRunResult.Counts.NONE);
    }

    private static <T> T phase(String phase, Step<T> step) throws InterruptedException {
        try {
            return step.run();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            if (TransientFailures.isTransient(e)) {
                throw new TransientPhaseFailure(phase, e);
            }
            throw new PhaseFailure(phase, e);
        }
    }

    @FunctionalInterface
    private interface Step<T> {
        T run() throws Exception;
    }

    /** A step of the run failed in a way that may pass on another attempt; names the phase. */
    public static final class TransientPhaseFailure extends RuntimeException implements TransientFailure {
        TransientPhaseFailure(String phase, Exception cause) {
            super(
                    phase + " failed: "
                            + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()),
                    cause);
        }
    }

    /** A step of the run failed; carries the phase for the error text, trace and sentinel. */
    private static final class PhaseFailure extends RuntimeException {
        private final String phase;

        PhaseFailure(String phase, Exception cause) {
            super(cause);
            this.phase = phase;
        }
    }
}
