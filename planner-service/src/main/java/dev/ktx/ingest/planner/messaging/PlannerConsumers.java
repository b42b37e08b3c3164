package dev.ktx.ingest.planner.messaging;

import dev.ktx.ingest.core.messaging.IngestRequestMessage;
import dev.ktx.ingest.core.messaging.MessageCodec;
import dev.ktx.ingest.core.messaging.StageEventMessage;
import dev.ktx.ingest.core.messaging.TargetResultMessage;
import dev.ktx.ingest.core.messaging.Topics;
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

/**
 * The planner's Kafka inputs. A message that cannot be read or handled throws; the channel's dead-letter strategy
 * then moves it to the topic's {@code .dlq} with the reason, and consumption goes on. A message of a run the planner
 * does not know (expired, or Redis lost its state) is logged, counted in {@code ktx_unknown_run_messages_total} and
 * dropped: there is no run left to apply it to.
 */
@ApplicationScoped
public class PlannerConsumers {

    private static final Logger LOG = Logger.getLogger(PlannerConsumers.class);

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
            stages.onResult(result);
        }
    }

    @Incoming("ingest-stages")
    @Blocking
    public void stage(String json) {
        StageEventMessage event = MessageCodec.read(json, StageEventMessage.class);
        if (known(event.runId(), Topics.INGEST_STAGES)) {
            stages.onStage(event);
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
