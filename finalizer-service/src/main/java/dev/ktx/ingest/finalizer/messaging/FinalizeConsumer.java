package dev.ktx.ingest.finalizer.messaging;

import dev.ktx.ingest.core.messaging.FinalizeRequestMessage;
import dev.ktx.ingest.core.messaging.MessageCodec;
import dev.ktx.ingest.core.messaging.StageEventMessage;
import dev.ktx.ingest.core.messaging.TargetResultMessage;
import dev.ktx.ingest.core.plan.TargetResult;
import dev.ktx.ingest.core.plan.TargetResults;
import dev.ktx.ingest.core.retry.Retrier;
import dev.ktx.ingest.core.retry.RetryPolicy;
import dev.ktx.ingest.core.retry.TransientFailures;
import dev.ktx.ingest.finalizer.FinalizerChannels;
import dev.ktx.ingest.finalizer.window.FinalizerSettings;
import dev.ktx.ingest.finalizer.window.SessionFinalizer;
import dev.ktx.ingest.service.LogContext;
import dev.ktx.ingest.service.Publishing;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code finalize.requests} and publishes each decided target's result on {@code ingest.results} (and, for
 * a parked session, the {@code target_parked} fact on {@code ingest.stages}); the offset is committed only after
 * that was published. Requests are keyed by session, not by project, so finalizer replicas share the work; the
 * project lock keeps one window per project at a time and the compare-and-swap on {@code main} keeps it correct
 * whatever order the windows run in. Up to {@code KTX_FINALIZER_CONCURRENCY} requests are in hand at once: those of
 * different projects are finalized side by side, those of one project together in one batch ({@link ProjectBatches}).
 */
@ApplicationScoped
public class FinalizeConsumer {

    private static final Logger LOG = Logger.getLogger(FinalizeConsumer.class);
    /** The worker pool requests run on; its size is how many requests this replica has in hand at once. */
    static final String WORKER_POOL = "finalize-requests";

    private final ProjectBatches batches;
    private final Emitter<Record<String, String>> results;
    private final Emitter<Record<String, String>> stages;
    private final Publishing publishing;
    private final Retrier retrier;
    private final Clock clock = Clock.systemUTC();

    public FinalizeConsumer(
            ProjectBatches batches,
            FinalizerSettings settings,
            @Channel(FinalizerChannels.INGEST_RESULTS_OUT) Emitter<Record<String, String>> results,
            @Channel(FinalizerChannels.INGEST_STAGES_OUT) Emitter<Record<String, String>> stages) {
        this.batches = batches;
        this.retrier = Retrier.real(new RetryPolicy(
                settings.retryMaxAttempts(), settings.retryInitialBackoff(), settings.retryMaxBackoff()));
        this.results = results;
        this.stages = stages;
        this.publishing = new Publishing(settings.publishTimeout());
    }

    /**
     * Only an unreadable request goes to the dead-letter topic; a transient failure (Redis, git I/O, Kafka) is tried
     * again with back-off, and any other failure becomes the target's failed result, so the run still ends.
     */
    @Incoming(FinalizerChannels.FINALIZE_REQUESTS_IN)
    @Blocking(value = WORKER_POOL, ordered = false)
    public void finalizeRequest(String json) throws InterruptedException {
        FinalizeRequestMessage request = MessageCodec.read(json, FinalizeRequestMessage.class);
        try (LogContext ignored = LogContext.of(request.runId(), request.connectionId())) {
            publish(request, finalize(request));
        }
    }

    /** Transient failures run the window again; what still fails becomes the target's failed result. */
    private SessionFinalizer.Finalized finalize(FinalizeRequestMessage request) throws InterruptedException {
        try {
            return retrier.call(
                    "finalize " + request.runId() + "/" + request.connectionId(),
                    () -> batches.finalize(request),
                    TransientFailures::isTransient,
                    (attempt, pause, failure) -> LOG.warnf(
                            "finalize %s/%s failed (attempt %d), again in %s: %s",
                            request.runId(), request.connectionId(), attempt, pause, failure.toString()));
        } catch (RuntimeException e) {
            LOG.errorf(e, "finalize %s/%s failed", request.runId(), request.connectionId());
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new SessionFinalizer.Finalized(
                    List.of(TargetResults.lastStepFailed(request.result(), "finalize failed: " + why)), false);
        }
    }

    private void publish(FinalizeRequestMessage request, SessionFinalizer.Finalized finalized) {
        for (TargetResult result : finalized.results()) {
            publishing.publish(
                    "the result of " + request.runId() + "/" + result.connectionId(),
                    results,
                    request.runId(),
                    TargetResultMessage.of(request.runId(), request.project(), result));
        }
        if (finalized.parked()) {
            publishing.publish(
                    "the parked fact of " + request.runId() + "/" + request.connectionId(),
                    stages,
                    request.runId(),
                    StageEventMessage.targetParked(
                            request.runId(), request.project(), request.connectionId(), clock.instant()));
        }
    }
}
