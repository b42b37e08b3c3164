package dev.ktx.ingest.core.window;

import dev.ktx.ingest.core.gate.GateInput;
import dev.ktx.ingest.core.gate.GateReport;
import dev.ktx.ingest.core.git.ContextRepository;
import dev.ktx.ingest.core.git.RollbackMetadata;
import dev.ktx.ingest.core.git.RunRevert;
import dev.ktx.ingest.core.lock.LockLease;
import dev.ktx.ingest.core.lock.ProjectLock;
import dev.ktx.ingest.core.repo.PathChange;
import dev.ktx.ingest.core.repo.RepoPaths;
import dev.ktx.ingest.core.trace.TargetTracer;
import dev.ktx.ingest.core.trace.TraceEvents;
import dev.ktx.ingest.core.trace.TraceSink;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A rollback inside the project lock, like a final window (docs/operations.md, "Rolling back a run"): write the revert
 * commit of the run above {@code main} ({@link ContextRepository#revertRun}), run the final gates on it, check the
 * lock is still ours, then move {@code main} by compare-and-swap; a lost CAS computes the revert again from the new
 * head. The gates see the revert as a session that may write every connection it touches.
 */
public final class RollbackWindow {

    static final String PHASE = "rollback";
    private static final Duration STALE_MAIN_LOCK = Duration.ofSeconds(10);

    private final ContextRepository repo;
    private final ProjectLock lock;
    private final SessionGates gates;
    private final TraceSink traceSink;
    private final Clock clock;
    private final FinalWindowSettings settings;

    public RollbackWindow(
            ContextRepository repo,
            ProjectLock lock,
            SessionGates gates,
            TraceSink traceSink,
            Clock clock,
            FinalWindowSettings settings) {
        this.repo = repo;
        this.lock = lock;
        this.gates = gates;
        this.traceSink = traceSink;
        this.clock = clock;
        this.settings = settings;
    }

    public RollbackOutcome rollBack(RollbackRequest request) throws InterruptedException {
        Optional<LockLease> acquired = lock.tryAcquire(repo.identity(), settings.lockWait());
        if (acquired.isEmpty()) {
            return RollbackOutcome.retry(RollbackOutcome.Status.LOCK_UNAVAILABLE);
        }
        try (LockLease lease = acquired.get()) {
            repo.removeStaleMainLock(STALE_MAIN_LOCK);
            TargetTracer tracer = new TargetTracer(traceSink, clock, request.runId(), null);
            RollbackMetadata metadata = new RollbackMetadata(request.rollbackId(), OptionalLong.of(lease.token()));
            for (int attempt = 1; attempt <= settings.maxSquashAttempts(); attempt++) {
                String mainHead = repo.mainHead().orElseThrow(() -> new IllegalStateException("main has no commit"));
                RunRevert revert = repo.revertRun(request.runId(), mainHead, metadata, request.force());
                if (!(revert instanceof RunRevert.Written written)) {
                    return undecided(request, revert);
                }
                Optional<RollbackOutcome> refused = gate(request, mainHead, written.commit());
                if (refused.isPresent()) {
                    return refused.get();
                }
                if (!lease.stillHeld()) {
                    return RollbackOutcome.retry(RollbackOutcome.Status.LOCK_LOST);
                }
                if (repo.advanceMain(mainHead, written.commit(), List.of())) {
                    return RollbackOutcome.done(written.commit(), done(request, written), written.paths());
                }
                tracer.warn(
                        PHASE,
                        TraceEvents.SQUASH_CAS_LOST,
                        Map.of("attempt", attempt, "expectedMain", mainHead),
                        "main moved while the rollback held the lock");
            }
            return RollbackOutcome.failed("rollback of " + request.runId() + " failed: main moved during "
                    + settings.maxSquashAttempts() + " attempts; another writer bypasses the project lock");
        }
    }

    /** What the revert found instead of writing a commit. */
    private static RollbackOutcome undecided(RollbackRequest request, RunRevert revert) {
        String run = request.runId();
        if (revert instanceof RunRevert.Blocked blocked) {
            return RollbackOutcome.refused(
                    "rollback of " + run + " blocked: later commits changed " + String.join(", ", blocked.paths()),
                    blocked.paths());
        }
        if (revert instanceof RunRevert.AlreadyRolledBack earlier) {
            // The same request again (a redelivery) gets its answer again; another request is refused.
            return earlier.rollbackId().equals(request.rollbackId())
                    ? RollbackOutcome.done(
                            earlier.commit(), "run " + run + " rolled back in " + shortId(earlier.commit()), List.of())
                    : RollbackOutcome.refused(
                            "rollback of " + run + " refused: already rolled back in " + shortId(earlier.commit()),
                            List.of());
        }
        return RollbackOutcome.refused(
                "rollback of " + run + " refused: no squash commit of the run on main", List.of());
    }

    /** The final gates on the reverted tree; the revert may write every connection it touches. */
    private Optional<RollbackOutcome> gate(RollbackRequest request, String mainHead, String revert) {
        List<PathChange> changes = repo.diff(mainHead, revert);
        Set<String> connections = changes.stream()
                .map(change -> RepoPaths.slConnectionOf(change.path()))
                .flatMap(Optional::stream)
                .collect(Collectors.toSet());
        GateReport report = gates.check(GateInput.of(repo.tree(mainHead), repo.tree(revert), changes, connections));
        return report.isPassed()
                ? Optional.empty()
                : Optional.of(RollbackOutcome.refused(
                        "rollback of " + request.runId() + " refused: " + report.message(), List.of()));
    }

    private static String done(RollbackRequest request, RunRevert.Written written) {
        String message = "run " + request.runId() + " rolled back in " + shortId(written.commit()) + ": "
                + written.paths().size() + " paths restored from before the run";
        return written.overridden().isEmpty()
                ? message
                : message + " (forced over later changes to " + String.join(", ", written.overridden()) + ")";
    }

    private static String shortId(String commit) {
        return commit.substring(0, 12);
    }
}
