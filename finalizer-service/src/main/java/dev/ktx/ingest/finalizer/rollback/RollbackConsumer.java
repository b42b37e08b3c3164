package dev.ktx.ingest.finalizer.rollback;

import dev.ktx.ingest.core.gate.FinalGates;
import dev.ktx.ingest.core.gate.ProvenanceGate;
import dev.ktx.ingest.core.lock.ProjectLock;
import dev.ktx.ingest.core.lock.RedissonProjectLock;
import dev.ktx.ingest.core.messaging.MessageCodec;
import dev.ktx.ingest.core.messaging.RollbackRequestMessage;
import dev.ktx.ingest.core.retry.Retrier;
import dev.ktx.ingest.core.retry.RetryPolicy;
import dev.ktx.ingest.core.retry.TransientFailures;
import dev.ktx.ingest.core.window.FinalWindowSettings;
import dev.ktx.ingest.core.window.RollbackOutcome;
import dev.ktx.ingest.core.window.RollbackRequest;
import dev.ktx.ingest.core.window.RollbackTrace;
import dev.ktx.ingest.core.window.RollbackWindow;
import dev.ktx.ingest.core.window.SessionGates;
import dev.ktx.ingest.finalizer.FinalizerChannels;
import dev.ktx.ingest.finalizer.window.FinalizerSettings;
import dev.ktx.ingest.service.ContextRepositories;
import dev.ktx.ingest.service.KafkaTraceSink;
import dev.ktx.ingest.service.LogContext;
import dev.ktx.ingest.service.Publishing;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.redisson.api.RedissonClient;

/**
 * Consumes {@code rollback.requests} and rolls runs back in a {@link RollbackWindow} under the project lock
 * (docs/operations.md, "Rolling back a run"). Every request that can be read gets an outcome: the
 * {@code rollback_finished} or {@code rollback_refused} trace event, published (and acknowledged by the broker) before
 * the offset is committed; an error that outlasts the retries is a refusal saying {@code failed}, never silence.
 */
@ApplicationScoped
public class RollbackConsumer {

    private static final Logger LOG = Logger.getLogger(RollbackConsumer.class);
    /**
     * No delete limit: a rollback deletes exactly what its run added — everything, for a project's first run — and an
     * operator asked for it. The other gates apply as in any window.
     */
    private static final SessionGates GATES = SessionGates.of(new FinalGates(100), new ProvenanceGate());

    private final ContextRepositories repositories;
    private final ProjectLock lock;
    private final KafkaTraceSink traces;
    private final FinalWindowSettings windowSettings;
    private final Retrier retrier;
    private final Publishing publishing;
    private final Clock clock = Clock.systemUTC();

    public RollbackConsumer(
            ContextRepositories repositories,
            RedissonClient redisson,
            KafkaTraceSink traces,
            FinalizerSettings settings) {
        this.repositories = repositories;
        this.lock = new RedissonProjectLock(redisson);
        this.traces = traces;
        this.windowSettings = new FinalWindowSettings(settings.lockWait(), settings.maxSquashAttempts());
        this.retrier = Retrier.real(new RetryPolicy(
                settings.retryMaxAttempts(), settings.retryInitialBackoff(), settings.retryMaxBackoff()));
        this.publishing = new Publishing(settings.publishTimeout());
    }

    @Incoming(FinalizerChannels.ROLLBACK_REQUESTS_IN)
    @Blocking
    public void rollbackRequest(String json) throws InterruptedException {
        RollbackRequestMessage message = MessageCodec.read(json, RollbackRequestMessage.class);
        RollbackRequest request = new RollbackRequest(message.runId(), message.rollbackId(), message.force());
        try (LogContext ignored = LogContext.of(message.runId(), null)) {
            RollbackOutcome outcome = rollBack(message, request);
            LOG.infof("rollback %s of run %s: %s", message.rollbackId(), message.runId(), outcome.message());
            publishing.await(
                    "the outcome of rollback " + message.rollbackId(),
                    List.of(traces.publish(RollbackTrace.event(request, outcome, clock.instant()))));
        }
    }

    /** Waits for the lock as long as it takes; transient failures run the window again, others become the outcome. */
    private RollbackOutcome rollBack(RollbackRequestMessage message, RollbackRequest request)
            throws InterruptedException {
        try {
            return retrier.call(
                    "rollback of " + message.runId(),
                    () -> {
                        RollbackWindow window = new RollbackWindow(
                                repositories.repository(message.project()), lock, GATES, traces, clock, windowSettings);
                        RollbackOutcome outcome = window.rollBack(request);
                        while (outcome.retry()) {
                            outcome = window.rollBack(request);
                        }
                        return outcome;
                    },
                    TransientFailures::isTransient,
                    (attempt, pause, failure) -> LOG.warnf(
                            "rollback of %s failed (attempt %d), again in %s: %s",
                            message.runId(), attempt, pause, failure.toString()));
        } catch (RuntimeException e) {
            LOG.errorf(e, "rollback %s of run %s failed", message.rollbackId(), message.runId());
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return RollbackOutcome.failed("rollback of " + message.runId() + " failed: " + why);
        }
    }
}
