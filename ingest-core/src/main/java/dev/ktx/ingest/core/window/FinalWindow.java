package dev.ktx.ingest.core.window;

import dev.ktx.ingest.core.gate.GateInput;
import dev.ktx.ingest.core.gate.GateReport;
import dev.ktx.ingest.core.git.ContextRepository;
import dev.ktx.ingest.core.git.SessionId;
import dev.ktx.ingest.core.git.SquashMetadata;
import dev.ktx.ingest.core.git.SquashResult;
import dev.ktx.ingest.core.lock.LockLease;
import dev.ktx.ingest.core.lock.ProjectLock;
import dev.ktx.ingest.core.repo.PathChange;
import dev.ktx.ingest.core.trace.TargetTracer;
import dev.ktx.ingest.core.trace.TraceEvents;
import dev.ktx.ingest.core.trace.TraceSink;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * The locked final window of one session (SPEC §5): under one hold of the project lock, refresh from the
 * latest {@code main} → gates → clean check → compare-and-swap squash. The lock only keeps windows from
 * overlapping; the CAS keeps {@code main} safe, so a lost CAS restarts from the refresh.
 */
public final class FinalWindow {

    private static final String PHASE = RefreshPhase.before_final_squash.name();
    /** Which process holds the window ({@code pid@host}), for operators and for tests with several finalizers. */
    private static final String HOLDER = ManagementFactory.getRuntimeMXBean().getName();

    private final ContextRepository repo;
    private final ProjectLock lock;
    private final SessionGates gates;
    private final TraceSink traceSink;
    private final Clock clock;
    private final FinalWindowSettings settings;
    private final PhaseRefresh refresher;

    public FinalWindow(ContextRepository repo, ProjectLock lock, SessionGates gates, TraceSink traceSink,
                       Clock clock, FinalWindowSettings settings) {
        this.repo = repo;
        this.lock = lock;
        this.gates = gates;
        this.traceSink = traceSink;
        this.clock = clock;
        this.settings = settings;
        this.refresher = new PhaseRefresh(repo, clock);
    }

    public FinalizeOutcome finalizeSession(FinalizeRequest request) throws InterruptedException {
        SessionId session = request.session();
        TargetTracer tracer = new TargetTracer(traceSink, clock, session.runId(), session.connectionId());
        long waitStarted = clock.millis();
        Optional<LockLease> acquired = lock.tryAcquire(request.projectId(), settings.lockWait());
        Duration lockWait = Duration.ofMillis(clock.millis() - waitStarted);
        if (acquired.isEmpty()) {
            return new FinalizeOutcome(FinalizeOutcome.Status.LOCK_UNAVAILABLE, Optional.empty(), Optional.empty(),
                    lockWait, Duration.ZERO);
        }
        long entered = clock.millis();
        try (LockLease lease = acquired.get()) {
            tracer.info(PHASE, TraceEvents.FINAL_WINDOW_ENTERED,
                    Map.of("lockToken", lease.token(), "lockWaitMs", lockWait.toMillis(), "holder", HOLDER));
            Landing landing = land(request, lease.token(), tracer);
            long held = clock.millis() - entered;
            tracer.timed(PHASE, TraceEvents.FINAL_WINDOW_LEFT, held, Map.of("status", landing.status.name()));
            return new FinalizeOutcome(landing.status, landing.commitId, landing.failure, lockWait,
                    Duration.ofMillis(held));
        }
    }

    private Landing land(FinalizeRequest request, long lockToken, TargetTracer tracer) {
        SessionId session = request.session();
        String mainHead = repo.mainHead().orElseThrow(() -> new IllegalStateException("main has no commit"));
        try {
            if (repo.sessionHead(session).isEmpty()) {
                // A redelivered request for a session that already landed: the squash finds its trailer on
                // main and changes nothing; a session that never existed throws and is recorded as a crash.
                return finished(repo.squash(session, mainHead, metadata(request, lockToken)), 0, 0, tracer);
            }
            for (int attempt = 1; attempt <= settings.maxSquashAttempts(); attempt++) {
                PhaseRefresh.Refreshed refreshed = refresher.refresh(session, mainHead, RefreshPhase.before_final_squash, tracer);
                if (refreshed.failure().isPresent()) {
                    return Landing.failed(refreshed.failure().get());
                }
                String sessionHead = refreshed.result().sessionHead();
                List<PathChange> changes = repo.diff(mainHead, sessionHead);
                GateReport report = gates.check(GateInput.of(repo.tree(mainHead), repo.tree(sessionHead), changes,
                        request.allowedSlConnections()));
                if (!report.isPassed()) {
                    if (report.onlyUnresolvedReferences() && !request.awaitedPeers().isEmpty()) {
                        tracer.warn(PHASE, TraceEvents.FINALIZE_DEFERRED,
                                Map.of("waitingFor", new TreeSet<>(request.awaitedPeers())), report.message());
                        return new Landing(FinalizeOutcome.Status.DEFERRED, Optional.empty(), Optional.empty());
                    }
                    tracer.error(PHASE, TraceEvents.FINAL_ARTIFACT_GATES_FAILED,
                            Map.of("errors", report.errors().size()), report.message());
                    return fail(session, mainHead, SessionFailure.gateFailed(report.message()), tracer);
                }
                Optional<String> dirty = cleanCheck(session, sessionHead, mainHead);
                if (dirty.isPresent()) {
                    return fail(session, mainHead, SessionFailure.crash(dirty.get()), tracer);
                }
                SquashResult squash = repo.squash(session, mainHead, metadata(request, lockToken));
                if (squash.status() != SquashResult.Status.CAS_LOST) {
                    return finished(squash, attempt, changes.size(), tracer);
                }
                tracer.warn(PHASE, TraceEvents.SQUASH_CAS_LOST, Map.of("attempt", attempt, "expectedMain", mainHead),
                        "main moved while the window held the lock");
                mainHead = repo.mainHead().orElseThrow();
            }
            return fail(session, mainHead, SessionFailure.crash("main moved during " + settings.maxSquashAttempts()
                    + " squash attempts; another writer bypasses the project lock"), tracer);
        } catch (RuntimeException e) {
            return fail(session, mainHead, SessionFailure.crash(e.getClass().getSimpleName() + ": " + e.getMessage()), tracer);
        }
    }

    /** The session must still be exactly what was gated and must contain main, or the squash would drop work. */
    private Optional<String> cleanCheck(SessionId session, String gatedHead, String mainHead) {
        Optional<String> current = repo.sessionHead(session);
        if (current.isEmpty() || !current.get().equals(gatedHead)) {
            return Optional.of("session is not clean: " + session.sessionRef() + " moved during the final window");
        }
        if (!repo.isAncestor(mainHead, gatedHead)) {
            return Optional.of("session is not clean: " + session.sessionRef() + " does not contain main " + mainHead);
        }
        return Optional.empty();
    }

    private static SquashMetadata metadata(FinalizeRequest request, long lockToken) {
        return new SquashMetadata(request.subject(), OptionalLong.of(lockToken));
    }

    private static Landing finished(SquashResult squash, int attempt, int changedPaths, TargetTracer tracer) {
        tracer.info(PHASE, TraceEvents.SQUASH_FINISHED, Map.of("commit", squash.commitId().orElseThrow(),
                "result", squash.status().name(), "attempt", attempt, "changedPaths", changedPaths));
        return Landing.landed(squash);
    }

    private Landing fail(SessionId session, String mainHead, SessionFailure failure, TargetTracer tracer) {
        refresher.recordFailure(session, mainHead, failure, RefreshPhase.before_final_squash, tracer);
        return Landing.failed(failure);
    }

    private record Landing(FinalizeOutcome.Status status, Optional<String> commitId, Optional<SessionFailure> failure) {

        static Landing landed(SquashResult squash) {
            FinalizeOutcome.Status status = squash.status() == SquashResult.Status.MERGED
                    ? FinalizeOutcome.Status.MERGED : FinalizeOutcome.Status.ALREADY_MERGED;
            return new Landing(status, squash.commitId(), Optional.empty());
        }

        static Landing failed(SessionFailure failure) {
            return new Landing(FinalizeOutcome.Status.FAILED, Optional.empty(), Optional.of(failure));
        }
    }
}
