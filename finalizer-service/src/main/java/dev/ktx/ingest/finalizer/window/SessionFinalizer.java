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
import java.util.Comparator;
import java.util.HashSet;
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

    public Finalized finalizeRequest(FinalizeRequestMessage message) throws InterruptedException {
        String runId = message.runId();
        String self = message.connectionId();
        ContextRepository repo = repositories.repository(message.project());
        if (message.resumed()) {
            Optional<ParkedSession> parked = ledger.parkedSession(runId, self);
            if (parked.isEmpty()) {
                return Finalized.NOTHING; // decided meanwhile, with a peer's group or by an earlier copy
            }
            Set<String> working = ledger.workingPeers(runId, self);
            if (!working.isEmpty()
                    && repo.mainHead().orElseThrow().equals(parked.get().mainHead())) {
                return Finalized.NOTHING; // nothing landed since it parked, and a peer may still land what it needs
            }
            tracer(message)
                    .info(
                            RefreshPhase.before_final_squash.name(),
                            TraceEvents.FINALIZE_RESUMED,
                            Map.of("workingPeers", working));
        }
        FinalWindow window = new FinalWindow(
                repo,
                lock,
                gates,
                traces,
                clock,
                new FinalWindowSettings(settings.lockWait(), settings.maxSquashAttempts()));
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
            List<FinalizeOutcome> outcomes = finalizeTogether(window, group, self, working);
            List<TargetResult> results = new ArrayList<>();
            boolean parked = false;
            for (int i = 0; i < group.size(); i++) {
                FinalizeRequestMessage member = group.get(i);
                FinalizeOutcome outcome = outcomes.get(i);
                if (outcome.status() == FinalizeOutcome.Status.PARKED) {
                    ledger.park(
                            runId,
                            self,
                            new ParkedSession(
                                    message.asResumed(), repo.mainHead().orElseThrow(), clock.instant()));
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

    private List<FinalizeOutcome> finalizeTogether(
            FinalWindow window, List<FinalizeRequestMessage> group, String self, Set<String> working)
            throws InterruptedException {
        List<FinalizeRequest> requests = group.stream()
                .map(member -> new FinalizeRequest(
                        member.project().projectId(),
                        new SessionId(member.runId(), member.connectionId()),
                        new HashSet<>(member.allowedSlConnections()),
                        "ktx: ingest " + member.connectionId() + " (run " + member.runId() + ")",
                        member.connectionId().equals(self) ? working : Set.of()))
                .toList();
        List<FinalizeOutcome> outcomes;
        do {
            outcomes = window.finalizeSessions(requests);
            meters.timer("ktx_finalizer_lock_wait_seconds")
                    .record(outcomes.get(0).lockWait());
        } while (outcomes.stream().anyMatch(FinalizeOutcome::retry)); // landed members are no-ops the next time
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
