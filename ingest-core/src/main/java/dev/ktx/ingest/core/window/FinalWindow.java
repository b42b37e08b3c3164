package dev.ktx.ingest.core.window;

import dev.ktx.ingest.core.git.ContextRepository;
import dev.ktx.ingest.core.git.SessionId;
import dev.ktx.ingest.core.lock.LockLease;
import dev.ktx.ingest.core.lock.ProjectLock;
import dev.ktx.ingest.core.trace.TargetTracer;
import dev.ktx.ingest.core.trace.TraceEvents;
import dev.ktx.ingest.core.trace.TraceSink;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The locked final window (docs/ingest-core.md): under one hold of the project lock, refresh from the latest
 * {@code main} → gates → clean check → fencing check → compare-and-swap squash. Sessions that wait on each other's
 * references are finalized together in one hold: gates run over their union and each lands as its own squash
 * commit. Independent sessions that are ready at the same time may share one hold too, each gated in turn as if
 * it had its own window (one lock, one move of {@code main} for all). The lock only keeps windows from
 * overlapping; the CAS keeps {@code main} safe, so a lost CAS restarts from the refresh.
 */
public final class FinalWindow {

    static final String PHASE = RefreshPhase.before_final_squash.name();
    /** Which process holds the window ({@code pid@host}), for operators and for tests with several finalizers. */
    private static final String HOLDER = ManagementFactory.getRuntimeMXBean().getName();

    private final ContextRepository repo;
    private final ProjectLock lock;
    private final SessionGates gates;
    private final TraceSink traceSink;
    private final Clock clock;
    private final FinalWindowSettings settings;

    public FinalWindow(
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

    public FinalizeOutcome finalizeSession(FinalizeRequest request) throws InterruptedException {
        return finalizeSessions(List.of(request)).get(0);
    }

    /**
     * Finalizes sessions of one project that refer to each other in one hold of the lock, gated over their union,
     * landing in the given order (plan order). Returns one outcome per request, in the same order.
     */
    public List<FinalizeOutcome> finalizeSessions(List<FinalizeRequest> requests) throws InterruptedException {
        return finalize(requests, GroupLanding.Gating.TOGETHER);
    }

    /**
     * Finalizes independent sessions of one project in one hold of the lock: each is gated on {@code main} plus
     * the squashes landing before it, in the given order, exactly as in consecutive windows. Returns one outcome
     * per request, in the same order.
     */
    public List<FinalizeOutcome> finalizeInTurn(List<FinalizeRequest> requests) throws InterruptedException {
        return finalize(requests, GroupLanding.Gating.IN_TURN);
    }

    private List<FinalizeOutcome> finalize(List<FinalizeRequest> requests, GroupLanding.Gating gating)
            throws InterruptedException {
        String projectId = requests.get(0).projectId();
        // A request delivered twice may be in hand twice: each session lands once, its copies share the decision.
        Map<SessionId, FinalizeRequest> bySession = new LinkedHashMap<>();
        requests.forEach(request -> bySession.putIfAbsent(request.session(), request));
        if (requests.stream().anyMatch(r -> !r.projectId().equals(projectId))) {
            throw new IllegalArgumentException("sessions finalized together must belong to one project: " + requests);
        }
        long waitStarted = clock.millis();
        String repository = repo.identity();
        Optional<LockLease> acquired = lock.tryAcquire(repository, settings.lockWait());
        Duration lockWait = Duration.ofMillis(clock.millis() - waitStarted);
        if (acquired.isEmpty()) {
            return requests.stream()
                    .map(r ->
                            Decision.of(FinalizeOutcome.Status.LOCK_UNAVAILABLE).outcome(lockWait, Duration.ZERO))
                    .toList();
        }
        long entered = clock.millis();
        try (LockLease lease = acquired.get()) {
            Map<FinalizeRequest, TargetTracer> tracers = new LinkedHashMap<>();
            for (FinalizeRequest request : bySession.values()) {
                TargetTracer tracer = new TargetTracer(
                        traceSink,
                        clock,
                        request.session().runId(),
                        request.session().connectionId());
                tracers.put(request, tracer);
                tracer.info(
                        PHASE,
                        TraceEvents.FINAL_WINDOW_ENTERED,
                        Map.of(
                                "lockToken",
                                lease.token(),
                                "lockWaitMs",
                                lockWait.toMillis(),
                                "holder",
                                HOLDER,
                                "sessions",
                                bySession.size(),
                                "lock",
                                ProjectLock.lockName(repository)));
            }
            Map<FinalizeRequest, Decision> decisions = new GroupLanding(
                            repo, gates, new PhaseRefresh(repo, clock), settings, gating, lease, tracers)
                    .land();
            Duration held = Duration.ofMillis(clock.millis() - entered);
            tracers.forEach((request, tracer) -> tracer.timed(
                    PHASE,
                    TraceEvents.FINAL_WINDOW_LEFT,
                    held.toMillis(),
                    Map.of("status", decisions.get(request).status().name(), "lockToken", lease.token())));
            return requests.stream()
                    .map(r -> decisions.get(bySession.get(r.session())).outcome(lockWait, held))
                    .toList();
        }
    }
}
