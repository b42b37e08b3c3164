package dev.ktx.ingest.finalizer.window;

import dev.ktx.ingest.core.gate.FinalGates;
import dev.ktx.ingest.core.gate.GateReport;
import dev.ktx.ingest.core.gate.ProvenanceGate;
import dev.ktx.ingest.core.git.ContextRepository;
import dev.ktx.ingest.core.git.SessionId;
import dev.ktx.ingest.core.lock.RedissonProjectLock;
import dev.ktx.ingest.core.messaging.FinalizeRequestMessage;
import dev.ktx.ingest.core.plan.TargetResult;
import dev.ktx.ingest.core.plan.TargetResults;
import dev.ktx.ingest.core.trace.TargetTracer;
import dev.ktx.ingest.core.trace.TraceEvents;
import dev.ktx.ingest.core.window.FinalWindow;
import dev.ktx.ingest.core.window.FinalWindowSettings;
import dev.ktx.ingest.core.window.FinalizeOutcome;
import dev.ktx.ingest.core.window.FinalizeRequest;
import dev.ktx.ingest.core.window.RefreshPhase;
import dev.ktx.ingest.core.window.SessionGates;
import dev.ktx.ingest.service.ContextRepositories;
import dev.ktx.ingest.service.KafkaTraceSink;
import dev.ktx.ingest.service.ParkedSession;
import dev.ktx.ingest.service.RunLedger;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.redisson.api.RedissonClient;

/**
 * Turns a finalize request into final windows and target results (docs/ingest-core.md, "Parking"). A session that
 * only misses references an unfinished peer may still land is parked in the run ledger — no thread sleeps, no lock
 * is held — and the planner sends it again when a peer becomes final. When no peer that may still land anything is
 * left, the request's session and every parked session of its run are finalized together in one window.
 * Requests of one project that are ready at the same time share one hold of the lock
 * ({@link #finalizeRequests(List)}).
 */
@ApplicationScoped
public class SessionFinalizer {

    /** Plan order: database targets first, then sources, each sorted by connection id. */
    private static final Comparator<FinalizeRequestMessage> PLAN_ORDER = Comparator.comparing(
                    (FinalizeRequestMessage m) -> m.result().operation())
            .thenComparing(FinalizeRequestMessage::connectionId);

    private final ContextRepositories repositories;
    private final RedissonProjectLock lock;
    private final SessionGates gates;
    private final KafkaTraceSink traces;
    private final MeterRegistry meters;
    private final FinalizerSettings settings;
    private final RunLedger ledger;
    private final Clock clock = Clock.systemUTC();

    public SessionFinalizer(
            ContextRepositories repositories,
            RedissonClient redisson,
            KafkaTraceSink traces,
            MeterRegistry meters,
            FinalizerSettings settings,
            RunLedger ledger) {
        this.repositories = repositories;
        this.lock = new RedissonProjectLock(redisson);
        this.gates = SessionGates.of(new FinalGates(settings.deleteLimitPercent()), new ProvenanceGate());
        this.traces = traces;
        this.meters = meters;
        meters.counter("ktx_gate_failures_total"); // exported from the start, so alerts and panels see a 0
        this.settings = settings;
        this.ledger = ledger;
    }

    /** What a request led to: results to publish (plan order) and whether its own session is now parked. */
    public record Finalized(List<TargetResult> results, boolean parked) {

        static final Finalized NOTHING = new Finalized(List.of(), false);
    }

    /**
     * Finalizes requests of one project that were ready at the same time, one outcome per request in the same
     * order. Sessions that may still wait for a working peer land in turn in one hold of the lock (each gated as
     * in a window of its own); a session with no working peer left is finalized with the parked sessions of its
     * run, as one group.
     */
    public List<Finalized> finalizeRequests(List<FinalizeRequestMessage> messages) throws InterruptedException {
        ContextRepository repo = repositories.repository(messages.get(0).project());
        FinalWindow window = new FinalWindow(
                repo,
                lock,
                gates,
                traces,
                clock,
                new FinalWindowSettings(settings.lockWait(), settings.maxSquashAttempts()));
        List<Finalized> finalized = new ArrayList<>(Collections.nCopies(messages.size(), Finalized.NOTHING));
        Map<Integer, Set<String>> inTurn = new LinkedHashMap<>();
        for (int i = 0; i < messages.size(); i++) {
            FinalizeRequestMessage message = messages.get(i);
            if (stillUndecided(message, repo)) {
                Set<String> working = ledger.workingPeers(message.runId(), message.connectionId());
                if (working.isEmpty()) {
                    finalized.set(i, finalizeWithParkedPeers(window, repo, message));
                } else {
                    inTurn.put(i, working);
                }
            }
        }
        if (inTurn.size() == 1) {
            int only = inTurn.keySet().iterator().next();
            finalized.set(only, finalizeWithParkedPeers(window, repo, messages.get(only)));
        } else if (!inTurn.isEmpty()) {
            List<Integer> order = List.copyOf(inTurn.keySet());
            List<FinalizeOutcome> outcomes = untilDecided(
                    order.stream()
                            .map(i -> request(messages.get(i), inTurn.get(i)))
                            .toList(),
                    window::finalizeInTurn);
            for (int k = 0; k < order.size(); k++) {
                FinalizeRequestMessage message = messages.get(order.get(k));
                finalized.set(order.get(k), decided(window, repo, message, outcomes.get(k)));
            }
        }
        return finalized;
    }

    /** A resumed request is looked at again only while its session is parked and something may have changed. */
    private boolean stillUndecided(FinalizeRequestMessage message, ContextRepository repo) {
        if (!message.resumed()) {
            return true;
        }
        Optional<ParkedSession> parked = ledger.parkedSession(message.runId(), message.connectionId());
        if (parked.isEmpty()) {
            return false; // decided meanwhile, with a peer's group or by an earlier copy
        }
        Set<String> working = ledger.workingPeers(message.runId(), message.connectionId());
        if (!working.isEmpty()
                && repo.mainHead().orElseThrow().equals(parked.get().mainHead())) {
            return false; // nothing landed since it parked, and a peer may still land what it needs
        }
        tracer(message)
                .info(
                        RefreshPhase.before_final_squash.name(),
                        TraceEvents.FINALIZE_RESUMED,
                        Map.of("workingPeers", working));
        return true;
    }

    /** The outcome of a session landed in turn; one that parked with no working peer left goes on with its run's. */
    private Finalized decided(
            FinalWindow window, ContextRepository repo, FinalizeRequestMessage message, FinalizeOutcome outcome)
            throws InterruptedException {
        if (outcome.status() != FinalizeOutcome.Status.PARKED) {
            ledger.unpark(message.runId(), message.connectionId());
            return new Finalized(List.of(result(message, outcome)), false);
        }
        park(repo, message);
        // Parked first, read second: if the last working peer finished meanwhile, nobody would wake this one.
        return ledger.workingPeers(message.runId(), message.connectionId()).isEmpty()
                ? finalizeWithParkedPeers(window, repo, message)
                : new Finalized(List.of(), true);
    }

    /**
     * One request, and with it every parked session of its run once no working peer is left: parks the session
     * while a working peer may still land what it misses, else lets the gates decide the group.
     */
    private Finalized finalizeWithParkedPeers(
            FinalWindow window, ContextRepository repo, FinalizeRequestMessage message) throws InterruptedException {
        String runId = message.runId();
        String self = message.connectionId();
        while (true) {
            Set<String> working = ledger.workingPeers(runId, self);
            List<FinalizeRequestMessage> group = new ArrayList<>(List.of(message));
            if (working.isEmpty()) {
                ledger.parked(runId).forEach((id, parked) -> {
                    if (!id.equals(self)) {
                        group.add(parked.request());
                    }
                });
            }
            group.sort(PLAN_ORDER);
            List<FinalizeOutcome> outcomes = untilDecided(
                    group.stream()
                            .map(member -> request(member, member.connectionId().equals(self) ? working : Set.of()))
                            .toList(),
                    window::finalizeSessions);
            List<TargetResult> results = new ArrayList<>();
            boolean parked = false;
            for (int i = 0; i < group.size(); i++) {
                FinalizeRequestMessage member = group.get(i);
                FinalizeOutcome outcome = outcomes.get(i);
                if (outcome.status() == FinalizeOutcome.Status.PARKED) {
                    park(repo, message);
                    parked = true;
                } else {
                    results.add(result(member, outcome));
                    ledger.unpark(runId, member.connectionId());
                }
            }
            // Parked first, read second: if the last working peer finished meanwhile, nobody would wake this one.
            if (!parked || !ledger.workingPeers(runId, self).isEmpty()) {
                return new Finalized(results, parked);
            }
        }
    }

    private void park(ContextRepository repo, FinalizeRequestMessage message) {
        ledger.park(
                message.runId(),
                message.connectionId(),
                new ParkedSession(message.asResumed(), repo.mainHead().orElseThrow(), clock.instant()));
    }

    private static FinalizeRequest request(FinalizeRequestMessage message, Set<String> awaitedPeers) {
        return new FinalizeRequest(
                message.project().projectId(),
                new SessionId(message.runId(), message.connectionId()),
                new HashSet<>(message.allowedSlConnections()),
                "ktx: ingest " + message.connectionId() + " (run " + message.runId() + ")",
                awaitedPeers);
    }

    /** One way of finalizing a list of sessions in one hold of the lock. */
    private interface Landing {
        List<FinalizeOutcome> land(List<FinalizeRequest> requests) throws InterruptedException;
    }

    /** Lands the sessions, again while the lock was busy or lost; members that landed are no-ops the next time. */
    private List<FinalizeOutcome> untilDecided(List<FinalizeRequest> requests, Landing landing)
            throws InterruptedException {
        List<FinalizeOutcome> outcomes;
        do {
            outcomes = landing.land(requests);
            meters.timer("ktx_finalizer_lock_wait_seconds")
                    .record(outcomes.get(0).lockWait());
        } while (outcomes.stream().anyMatch(FinalizeOutcome::retry));
        meters.timer("ktx_finalizer_lock_hold_seconds").record(outcomes.get(0).lockHold());
        return outcomes;
    }

    /** The worker's result once landed; else its last step fails with the window's error (gate failures counted). */
    private TargetResult result(FinalizeRequestMessage member, FinalizeOutcome outcome) {
        if (outcome.landed()) {
            return member.result();
        }
        String error = outcome.failure().orElseThrow().error();
        if (error.startsWith(GateReport.HEADER)) {
            meters.counter("ktx_gate_failures_total").increment();
        }
        return TargetResults.lastStepFailed(member.result(), error);
    }

    private TargetTracer tracer(FinalizeRequestMessage message) {
        return new TargetTracer(traces, clock, message.runId(), message.connectionId());
    }
}
