package dev.ktx.ingest.core.window;

import dev.ktx.ingest.core.gate.GateInput;
import dev.ktx.ingest.core.gate.GateReport;
import dev.ktx.ingest.core.git.ContextRepository;
import dev.ktx.ingest.core.git.SessionId;
import dev.ktx.ingest.core.git.SquashMetadata;
import dev.ktx.ingest.core.git.StackedSquash;
import dev.ktx.ingest.core.lock.LockLease;
import dev.ktx.ingest.core.repo.RepoTree;
import dev.ktx.ingest.core.trace.TargetTracer;
import dev.ktx.ingest.core.trace.TraceEvents;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * The inside of one final window for one or more sessions: refresh each from {@code main}, stack their squash
 * commits in order, gate them, check they are clean and the lock is still ours, then move {@code main} once
 * (compare-and-swap). Sessions that wait on each other ({@link Gating#TOGETHER}) are each gated against the union
 * of the group; one that fails or parks leaves it and the rest are gated again. Independent sessions
 * ({@link Gating#IN_TURN}) are each gated on {@code main} plus the squashes stacked before them, exactly as if each
 * had its own window in turn. Every failure becomes a decision (with its sentinel), never an exception.
 */
final class GroupLanding {

    /** How the sessions of one window are gated. */
    enum Gating {
        /** Each against the union of all: sessions that refer to each other land together or not at all. */
        TOGETHER,
        /** Each against main and the squashes before it: what landing them one window after the other would do. */
        IN_TURN
    }

    /**
     * A writer of main holds its lock file for milliseconds; one this old inside our window was left by a finalizer
     * killed or paused mid-update, and would block every later window.
     */
    private static final Duration STALE_MAIN_LOCK = Duration.ofSeconds(10);

    private final ContextRepository repo;
    private final SessionGates gates;
    private final PhaseRefresh refresher;
    private final FinalWindowSettings settings;
    private final Gating gating;
    private final LockLease lease;
    private final Map<FinalizeRequest, TargetTracer> tracers;
    private final Map<FinalizeRequest, Decision> decided = new LinkedHashMap<>();
    /** Sessions still on their way to main, in landing order, with the head their refresh produced. */
    private final Map<FinalizeRequest, String> active = new LinkedHashMap<>();

    GroupLanding(
            ContextRepository repo,
            SessionGates gates,
            PhaseRefresh refresher,
            FinalWindowSettings settings,
            Gating gating,
            LockLease lease,
            Map<FinalizeRequest, TargetTracer> tracers) {
        this.repo = repo;
        this.gates = gates;
        this.refresher = refresher;
        this.settings = settings;
        this.gating = gating;
        this.lease = lease;
        this.tracers = tracers;
    }

    Map<FinalizeRequest, Decision> land() {
        repo.removeStaleMainLock(STALE_MAIN_LOCK);
        String mainHead = repo.mainHead().orElseThrow(() -> new IllegalStateException("main has no commit"));
        tracers.keySet().forEach(request -> guarded(request, mainHead, () -> skipIfLanded(request)));
        try {
            landActive(mainHead);
        } catch (RuntimeException e) {
            List.copyOf(active.keySet())
                    .forEach(request -> guarded(request, mainHead, () -> {
                        throw e;
                    }));
        }
        return decided;
    }

    private void landActive(String initialMain) {
        String mainHead = initialMain;
        for (int attempt = 1; attempt <= settings.maxSquashAttempts() && !active.isEmpty(); attempt++) {
            String base = mainHead;
            List.copyOf(active.keySet()).forEach(request -> guarded(request, base, () -> refresh(request, base)));
            Map<FinalizeRequest, String> squashes =
                    gating == Gating.TOGETHER ? gateTogether(mainHead) : gateInTurn(mainHead);
            if (active.isEmpty()) {
                break;
            }
            if (!lease.stillHeld()) {
                active.keySet().forEach(request -> {
                    tracers.get(request)
                            .warn(
                                    FinalWindow.PHASE,
                                    TraceEvents.FINAL_WINDOW_LOCK_LOST,
                                    Map.of("lockToken", lease.token()),
                                    "the project lock expired before the squash; nothing written");
                    decided.put(request, Decision.of(FinalizeOutcome.Status.LOCK_LOST));
                });
                active.clear();
                break;
            }
            String top = squashes.get(List.copyOf(active.keySet()).get(active.size() - 1));
            if (repo.advanceMain(
                    mainHead,
                    top,
                    active.keySet().stream().map(FinalizeRequest::session).toList())) {
                int landedAttempt = attempt;
                active.keySet().forEach(request -> landed(request, squashes.get(request), landedAttempt));
                active.clear();
                break;
            }
            for (FinalizeRequest request : active.keySet()) {
                tracers.get(request)
                        .warn(
                                FinalWindow.PHASE,
                                TraceEvents.SQUASH_CAS_LOST,
                                Map.of("attempt", attempt, "expectedMain", mainHead),
                                "main moved while the window held the lock");
            }
            mainHead = repo.mainHead().orElseThrow();
        }
        String finalMain = mainHead;
        List.copyOf(active.keySet())
                .forEach(request -> fail(
                        request,
                        finalMain,
                        SessionFailure.crash("main moved during " + settings.maxSquashAttempts()
                                + " squash attempts; another writer bypasses the project lock")));
    }

    /** A session already squashed onto main (a redelivered request) or gone without a squash is decided at once. */
    private void skipIfLanded(FinalizeRequest request) {
        Optional<String> earlier = repo.landedSquash(request.session());
        if (earlier.isPresent()) {
            landed(request, earlier.get(), 0, FinalizeOutcome.Status.ALREADY_MERGED);
        } else {
            active.put(request, ""); // its head is known once the refresh below ran
        }
    }

    private void refresh(FinalizeRequest request, String mainHead) {
        PhaseRefresh.Refreshed refreshed =
                refresher.refresh(request.session(), mainHead, RefreshPhase.before_final_squash, tracers.get(request));
        if (refreshed.failure().isPresent()) {
            active.remove(request);
            decided.put(request, Decision.failed(refreshed.failure().get()));
        } else {
            active.put(request, refreshed.result().sessionHead());
        }
    }

    /**
     * Stacks the active sessions' squashes above {@code mainHead} and gates each session's own changes against the
     * union; a session that fails or parks leaves the group and the rest are stacked and gated again without it.
     * Returns the squash commit of each session still active.
     */
    private Map<FinalizeRequest, String> gateTogether(String mainHead) {
        while (true) {
            Map<FinalizeRequest, String> squashes = new LinkedHashMap<>();
            String top = mainHead;
            for (FinalizeRequest request : List.copyOf(active.keySet())) {
                Optional<String> squash = stack(request, mainHead, top);
                if (squash.isPresent()) {
                    top = squash.get();
                    squashes.put(request, top);
                }
            }
            if (active.isEmpty()) {
                return squashes;
            }
            RepoTree mainTree = repo.tree(mainHead);
            RepoTree union = repo.tree(top);
            boolean dropped = false;
            for (FinalizeRequest request : List.copyOf(active.keySet())) {
                String head = active.get(request);
                dropped |= !passes(
                        request,
                        mainHead,
                        GateInput.of(mainTree, union, repo.diff(mainHead, head), request.allowedSlConnections()));
            }
            if (!dropped) {
                return squashes;
            }
        }
    }

    /**
     * Stacks and gates the active sessions one after the other: each session's squash above the ones that passed
     * before it, gated on what that squash changes. A session that fails or parks is left out and the next is
     * stacked where it would have gone. Returns the squash commit of each session still active.
     */
    private Map<FinalizeRequest, String> gateInTurn(String mainHead) {
        Map<FinalizeRequest, String> squashes = new LinkedHashMap<>();
        String top = mainHead;
        RepoTree topTree = repo.tree(mainHead);
        for (FinalizeRequest request : List.copyOf(active.keySet())) {
            Optional<String> squash = stack(request, mainHead, top);
            if (squash.isEmpty()) {
                continue;
            }
            RepoTree squashTree = repo.tree(squash.get());
            GateInput input =
                    GateInput.of(topTree, squashTree, repo.diff(top, squash.get()), request.allowedSlConnections());
            if (passes(request, mainHead, input)) {
                top = squash.get();
                topTree = squashTree; // the next session is gated on this one's tree, already read
                squashes.put(request, top);
            }
        }
        return squashes;
    }

    /** The session's squash above {@code top}; a conflict fails the session and gives nothing. */
    private Optional<String> stack(FinalizeRequest request, String mainHead, String top) {
        StackedSquash stacked = repo.stackSquash(request.session(), top, metadata(request));
        if (stacked.isConflict()) {
            fail(request, mainHead, SessionFailure.conflict(RefreshPhase.before_final_squash, stacked.conflicts()));
            return Optional.empty();
        }
        return stacked.commitId();
    }

    /** Gates the session and checks it is clean; one that fails or parks leaves the active sessions. */
    private boolean passes(FinalizeRequest request, String mainHead, GateInput input) {
        GateReport report = gates.check(input);
        if (!report.isPassed()) {
            gateFailed(request, mainHead, report);
            return false;
        }
        Optional<String> dirty = cleanCheck(request.session(), active.get(request), mainHead);
        if (dirty.isPresent()) {
            fail(request, mainHead, SessionFailure.crash(dirty.get()));
            return false;
        }
        return true;
    }

    private void gateFailed(FinalizeRequest request, String mainHead, GateReport report) {
        TargetTracer tracer = tracers.get(request);
        if (report.onlyUnresolvedReferences() && !request.awaitedPeers().isEmpty()) {
            tracer.warn(
                    FinalWindow.PHASE,
                    TraceEvents.FINALIZE_PARKED,
                    Map.of("waitingFor", new TreeSet<>(request.awaitedPeers()), "mainHead", mainHead),
                    report.message());
            active.remove(request);
            decided.put(request, Decision.parked(report));
            return;
        }
        tracer.error(
                FinalWindow.PHASE,
                TraceEvents.FINAL_ARTIFACT_GATES_FAILED,
                Map.of("errors", report.errors().size()),
                report.message());
        fail(request, mainHead, SessionFailure.gateFailed(report.message()));
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

    private SquashMetadata metadata(FinalizeRequest request) {
        return new SquashMetadata(request.subject(), OptionalLong.of(lease.token()));
    }

    private void landed(FinalizeRequest request, String commit, int attempt) {
        landed(request, commit, attempt, FinalizeOutcome.Status.MERGED);
    }

    private void landed(FinalizeRequest request, String commit, int attempt, FinalizeOutcome.Status status) {
        tracers.get(request)
                .info(
                        FinalWindow.PHASE,
                        TraceEvents.SQUASH_FINISHED,
                        Map.of(
                                "commit",
                                commit,
                                "result",
                                status.name(),
                                "attempt",
                                attempt,
                                "sessions",
                                tracers.size()));
        decided.put(request, Decision.landed(status, commit));
    }

    private void fail(FinalizeRequest request, String mainHead, SessionFailure failure) {
        active.remove(request);
        if (lockLost(request)) {
            return;
        }
        refresher.recordFailure(
                request.session(), mainHead, failure, RefreshPhase.before_final_squash, tracers.get(request));
        decided.put(request, Decision.failed(failure));
    }

    /**
     * A holder that lost the lock (paused past the watchdog) may see a session another holder is landing: its view
     * is stale, so it records no failure and hands the request back instead of leaving a sentinel on landed work.
     */
    private boolean lockLost(FinalizeRequest request) {
        if (lease.stillHeld()) {
            return false;
        }
        tracers.get(request)
                .warn(
                        FinalWindow.PHASE,
                        TraceEvents.FINAL_WINDOW_LOCK_LOST,
                        Map.of("lockToken", lease.token()),
                        "the project lock expired in the window; nothing recorded");
        decided.put(request, Decision.of(FinalizeOutcome.Status.LOCK_LOST));
        return true;
    }

    /** An unexpected error decides only the session it happened to, as a crash with its sentinel. */
    private void guarded(FinalizeRequest request, String mainHead, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            active.remove(request);
            if (lockLost(request)) {
                return;
            }
            SessionFailure crash = SessionFailure.crash(e.getClass().getSimpleName() + ": " + e.getMessage());
            try {
                refresher.recordFailure(
                        request.session(), mainHead, crash, RefreshPhase.before_final_squash, tracers.get(request));
            } catch (RuntimeException sentinelFailure) {
                e.addSuppressed(sentinelFailure);
            }
            decided.put(request, Decision.failed(crash));
        }
    }
}
