package dev.ktx.ingest.finalizer.window;

import dev.ktx.ingest.core.gate.FinalGates;
import dev.ktx.ingest.core.gate.GateReport;
import dev.ktx.ingest.core.gate.ProvenanceGate;
import dev.ktx.ingest.core.git.SessionId;
import dev.ktx.ingest.core.lock.RedissonProjectLock;
import dev.ktx.ingest.core.messaging.FinalizeRequestMessage;
import dev.ktx.ingest.core.plan.StepResult;
import dev.ktx.ingest.core.plan.StepStatus;
import dev.ktx.ingest.core.plan.TargetResult;
import dev.ktx.ingest.core.window.FinalWindow;
import dev.ktx.ingest.core.window.FinalWindowSettings;
import dev.ktx.ingest.core.window.FinalizeOutcome;
import dev.ktx.ingest.core.window.FinalizeRequest;
import dev.ktx.ingest.core.window.SessionGates;
import dev.ktx.ingest.service.ContextRepositories;
import dev.ktx.ingest.service.KafkaTraceSink;
import dev.ktx.ingest.service.RunLedger;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.redisson.api.RedissonClient;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the final window of ingest-core for one finalize request under the Redisson project lock and turns the
 * outcome into the target's result. Waits (in bounded attempts) while another window of the project holds the lock.
 */
@ApplicationScoped
public class SessionFinalizer {

    private final ContextRepositories repositories;
    private final RedissonProjectLock lock;
    private final SessionGates gates;
    private final KafkaTraceSink traces;
    private final MeterRegistry meters;
    private final FinalizerSettings settings;
    private final RunLedger ledger;

    public SessionFinalizer(ContextRepositories repositories, RedissonClient redisson, KafkaTraceSink traces,
                            MeterRegistry meters, FinalizerSettings settings, RunLedger ledger) {
        this.repositories = repositories;
        this.lock = new RedissonProjectLock(redisson);
        this.gates = SessionGates.of(new FinalGates(settings.deleteLimitPercent()), new ProvenanceGate());
        this.traces = traces;
        this.meters = meters;
        this.settings = settings;
        this.ledger = ledger;
    }

    /** The result to publish, or empty when the request was deferred and must be finalized again later. */
    public Optional<TargetResult> finalizeSession(FinalizeRequestMessage message) throws InterruptedException {
        FinalWindow window = new FinalWindow(repositories.repository(message.project()), lock, gates, traces,
                Clock.systemUTC(), new FinalWindowSettings(settings.lockWait(), settings.maxSquashAttempts()));
        SessionId session = new SessionId(message.runId(), message.connectionId());
        FinalizeRequest request = new FinalizeRequest(message.project().projectId(), session,
                new HashSet<>(message.allowedSlConnections()), "ktx: ingest " + message.connectionId() + " (run " + message.runId() + ")",
                message.deferrals() < settings.maxDeferrals() ? ledger.unfinishedPeers(message.runId(), message.connectionId()) : Set.of());
        FinalizeOutcome outcome;
        do {
            outcome = window.finalizeSession(request);
            meters.timer("ktx_finalizer_lock_wait_seconds").record(outcome.lockWait());
        } while (outcome.status() == FinalizeOutcome.Status.LOCK_UNAVAILABLE);
        meters.timer("ktx_finalizer_lock_hold_seconds").record(outcome.lockHold());
        return switch (outcome.status()) {
            case MERGED, ALREADY_MERGED -> Optional.of(message.result());
            case DEFERRED -> Optional.empty();
            case FAILED -> Optional.of(failed(message.result(), outcome.failure().orElseThrow().error()));
            case LOCK_UNAVAILABLE -> throw new IllegalStateException("unreachable");
        };
    }

    /** The target's last step fails with the window's error; gate failures are counted for alerting. */
    private TargetResult failed(TargetResult result, String error) {
        if (error.startsWith(GateReport.HEADER)) {
            meters.counter("ktx_gate_failures_total").increment();
        }
        List<StepResult> steps = new ArrayList<>(result.steps());
        StepResult last = steps.remove(steps.size() - 1);
        steps.add(new StepResult(last.step(), StepStatus.FAILED, error));
        return new TargetResult(result.connectionId(), result.driver(), result.operation(), steps);
    }
}
