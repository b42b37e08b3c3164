package dev.ktx.ingest.planner.messaging;

import dev.ktx.ingest.core.messaging.IngestRequestMessage;
import dev.ktx.ingest.core.messaging.MessageCodec;
import dev.ktx.ingest.core.messaging.StageEventMessage;
import dev.ktx.ingest.core.messaging.TargetResultMessage;
import dev.ktx.ingest.core.messaging.Topics;
import dev.ktx.ingest.core.retry.Retrier;
import dev.ktx.ingest.core.retry.RetryPolicy;
import dev.ktx.ingest.core.retry.TransientFailures;
import dev.ktx.ingest.core.trace.TraceEvent;
import dev.ktx.ingest.core.trace.TraceJson;
import dev.ktx.ingest.planner.messaging.CloudEvents.UpstreamEvent;
import dev.ktx.ingest.planner.run.RunPlanner;
import dev.ktx.ingest.planner.run.RunStore;
import dev.ktx.ingest.planner.run.StartKey;
import dev.ktx.ingest.planner.run.TargetSightings;
import dev.ktx.ingest.planner.stage.StageCoordinator;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * The planner's Kafka inputs. A message that cannot be read or handled throws; the channel's dead-letter strategy
 * then moves it to the topic's {@code .dlq} with the reason, and consumption goes on. A message of a run the planner
 * does not know (expired, or Redis lost its state) is logged, counted in {@code ktx_unknown_run_messages_total} and
 * dropped: there is no run left to apply it to.
 */
@ApplicationScoped
public class PlannerConsumers {

    private static final Logger LOG = Logger.getLogger(PlannerConsumers.class);
    private static final Retrier RETRIER = Retrier.real(new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(10)));

    private final RunPlanner planner;
    private final StageCoordinator stages;
    private final RunStore store;
    private final TargetSightings sightings;
    private final MeterRegistry meters;

    public PlannerConsumers(RunPlanner planner, StageCoordinator stages, RunStore store, TargetSightings sightings,
                            MeterRegistry meters) {
        this.planner = planner;
        this.stages = stages;
        this.store = store;
        this.sightings = sightings;
        this.meters = meters;
    }

    /**
     * A Redis or Kafka blip must not dead-letter a result or a barrier: the run would wait for it until its deadline.
     * Handling is idempotent, so running it again is safe.
     */
    private void retryTransient(String what, Runnable handling) {
        try {
            RETRIER.call(what, () -> {
                handling.run();
                return null;
            }, TransientFailures::isTransient, (attempt, pause, failure) -> LOG.warnf(
                    "handling the %s failed (attempt %d), again in %s: %s", what, attempt, pause, failure.toString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handling the " + what, e);
        }
    }

    @Incoming("ingest-requests")
    @Blocking
    public void ingestRequest(String json) {
        planner.start(MessageCodec.read(json, IngestRequestMessage.class));
    }

    @Incoming("upstream-events")
    @Blocking
    public void upstreamEvent(String json) {
        UpstreamEvent event = CloudEvents.ingestRequest(json);
        planner.start(event.request(), StartKey.cloudEvent(event.source(), event.id()));
    }

    @Incoming("ingest-results")
    @Blocking
    public void result(String json) {
        TargetResultMessage result = MessageCodec.read(json, TargetResultMessage.class);
        if (known(result.runId(), Topics.INGEST_RESULTS)) {
            retryTransient("result of " + result.runId() + "/" + result.result().connectionId(), () -> stages.onResult(result));
        }
    }

    @Incoming("ingest-stages")
    @Blocking
    public void stage(String json) {
        StageEventMessage event = MessageCodec.read(json, StageEventMessage.class);
        if (known(event.runId(), Topics.INGEST_STAGES)) {
            retryTransient(event.stage() + " of " + event.runId(), () -> stages.onStage(event));
        }
    }

    @Incoming("ingest-traces")
    @Blocking
    public void trace(String json) {
        TraceEvent event = TraceJson.fromLine(json);
        if (known(event.runId(), Topics.INGEST_TRACES)) {
            store.appendTrace(event.runId(), json);
            sightings.record(event);
        }
    }

    private boolean known(String runId, String topic) {
        if (store.exists(runId)) {
            return true;
        }
        LOG.warnf("dropping a message on %s of unknown run %s (expired, or Redis lost its state)", topic, runId);
        meters.counter("ktx_unknown_run_messages_total", "topic", topic).increment();
        return false;
    }
}
