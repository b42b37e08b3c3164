package dev.ktx.ingest.planner.messaging;

import dev.ktx.ingest.core.messaging.IngestRequestMessage;
import dev.ktx.ingest.core.messaging.MessageCodec;
import dev.ktx.ingest.core.messaging.StageEventMessage;
import dev.ktx.ingest.core.messaging.TargetResultMessage;
import dev.ktx.ingest.core.trace.TraceEvent;
import dev.ktx.ingest.core.trace.TraceJson;
import dev.ktx.ingest.planner.run.RunPlanner;
import dev.ktx.ingest.planner.run.RunStore;
import dev.ktx.ingest.planner.stage.StageCoordinator;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The planner's Kafka inputs. A message that cannot be read or handled throws; the channel's dead-letter strategy
 * then moves it to the topic's {@code .dlq} with the reason, and consumption goes on.
 */
@ApplicationScoped
public class PlannerConsumers {

    private final RunPlanner planner;
    private final StageCoordinator stages;
    private final RunStore store;

    public PlannerConsumers(RunPlanner planner, StageCoordinator stages, RunStore store) {
        this.planner = planner;
        this.stages = stages;
        this.store = store;
    }

    @Incoming("ingest-requests")
    @Blocking
    public void ingestRequest(String json) {
        planner.start(MessageCodec.read(json, IngestRequestMessage.class));
    }

    @Incoming("upstream-events")
    @Blocking
    public void upstreamEvent(String json) {
        planner.start(CloudEvents.ingestRequest(json));
    }

    @Incoming("ingest-results")
    @Blocking
    public void result(String json) {
        stages.onResult(MessageCodec.read(json, TargetResultMessage.class));
    }

    @Incoming("ingest-stages")
    @Blocking
    public void stage(String json) {
        stages.onStage(MessageCodec.read(json, StageEventMessage.class));
    }

    @Incoming("ingest-traces")
    @Blocking
    public void trace(String json) {
        TraceEvent event = TraceJson.fromLine(json);
        store.appendTrace(event.runId(), json);
    }
}
