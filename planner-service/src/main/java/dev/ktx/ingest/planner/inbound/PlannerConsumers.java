package dev.ktx.ingest.planner.inbound;

import dev.ktx.ingest.core.api.RunTrigger;
import dev.ktx.ingest.core.messaging.IngestRequestMessage;
import dev.ktx.ingest.core.messaging.MessageCodec;
import dev.ktx.ingest.core.messaging.ProjectRef;
import dev.ktx.ingest.core.messaging.StageEventMessage;
import dev.ktx.ingest.core.messaging.TargetResultMessage;
import dev.ktx.ingest.core.messaging.Topics;
import dev.ktx.ingest.core.retry.Retrier;
import dev.ktx.ingest.core.retry.RetryPolicy;
import dev.ktx.ingest.core.retry.TransientFailures;
import dev.ktx.ingest.core.trace.TraceEvent;
import dev.ktx.ingest.core.trace.TraceJson;
import dev.ktx.ingest.core.window.RollbackTrace;
import dev.ktx.ingest.planner.PlannerChannels;
import dev.ktx.ingest.planner.restore.RunRestorer;
import dev.ktx.ingest.planner.rollback.RollbackStore;
import dev.ktx.ingest.planner.run.RunPlanner;
import dev.ktx.ingest.planner.stage.StageCoordinator;
import dev.ktx.ingest.planner.state.RunStore;
import dev.ktx.ingest.planner.state.TargetSightings;
import dev.ktx.ingest.planner.trigger.CloudEvent;
import dev.ktx.ingest.planner.trigger.UpstreamEvents;
import dev.ktx.ingest.service.LogContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * The planner's Kafka inputs. A message that cannot be read or handled throws; the channel's dead-letter strategy
 * then moves it to the topic's {@code .dlq} with the reason, and consumption goes on. A result or stage event of a
 * run Redis no longer holds restores the run from its project's repository ({@link RunRestorer}); a message of a run
 * that cannot be restored (expired, finished, or without a project) is logged, counted in
 * {@code ktx_unknown_run_messages_total} and dropped: there is no run left to apply it to.
 */
@ApplicationScoped
public class PlannerConsumers {

    private static final Logger LOG = Logger.getLogger(PlannerConsumers.class);
    private static final Retrier RETRIER =
            Retrier.real(new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(10)));

    private final RunPlanner planner;
    private final StageCoordinator stages;
    private final RunStore store;
    private final TargetSightings sightings;
    private final MeterRegistry meters;
    private final RunRestorer restorer;
    private final UpstreamEvents upstreamEvents;
    private final RollbackStore rollbacks;

    public PlannerConsumers(
            RunPlanner planner,
            StageCoordinator stages,
            RunStore store,
            TargetSightings sightings,
            MeterRegistry meters,
            RunRestorer restorer,
            UpstreamEvents upstreamEvents,
            RollbackStore rollbacks) {
        this.planner = planner;
        this.stages = stages;
        this.store = store;
        this.sightings = sightings;
        this.meters = meters;
        this.restorer = restorer;
        this.upstreamEvents = upstreamEvents;
        this.rollbacks = rollbacks;
    }

    /**
     * A Redis or Kafka blip must not dead-letter a result, a barrier or a heartbeat: the run would wait for it until
     * its deadline.
     * Handling is idempotent, so running it again is safe.
     */
    private void retryTransient(String what, Runnable handling) {
        try {
            RETRIER.call(
                    what,
                    () -> {
                        handling.run();
                        return null;
                    },
                    TransientFailures::isTransient,
                    (attempt, pause, failure) -> LOG.warnf(
                            "handling the %s failed (attempt %d), again in %s: %s",
                            what, attempt, pause, failure.toString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handling the " + what, e);
        }
    }

    @Incoming(PlannerChannels.INGEST_REQUESTS_IN)
    @Blocking
    public void ingestRequest(String json) {
        planner.start(
                MessageCodec.read(json, IngestRequestMessage.class), RunTrigger.of(RunTrigger.Kind.request_message));
    }

    /** Structured CloudEvents; unmatched ones are acknowledged, malformed ones dead-lettered ({@link UpstreamEvents}). */
    @Incoming(PlannerChannels.UPSTREAM_EVENTS_IN)
    @Blocking
    public void upstreamEvent(String json) {
        upstreamEvents.handle(() -> CloudEvent.structured(json));
    }

    @Incoming(PlannerChannels.INGEST_RESULTS_IN)
    @Blocking
    public void result(String json) {
        TargetResultMessage result = MessageCodec.read(json, TargetResultMessage.class);
        try (LogContext ignored = LogContext.of(result.runId(), result.result().connectionId())) {
            retryTransient("result of " + result.runId() + "/" + result.result().connectionId(), () -> {
                if (known(result.runId(), result.project(), Topics.INGEST_RESULTS)) {
                    stages.onResult(result);
                }
            });
        }
    }

    @Incoming(PlannerChannels.INGEST_STAGES_IN)
    @Blocking
    public void stage(String json) {
        StageEventMessage event = MessageCodec.read(json, StageEventMessage.class);
        try (LogContext ignored = LogContext.of(event.runId(), event.connectionId())) {
            retryTransient(event.stage() + " of " + event.runId(), () -> {
                if (known(event.runId(), event.project(), Topics.INGEST_STAGES)) {
                    stages.onStage(event);
                }
            });
        }
    }

    @Incoming(PlannerChannels.INGEST_TRACES_IN)
    @Blocking
    public void trace(String json) {
        TraceEvent event = TraceJson.fromLine(json);
        retryTransient(event.event() + " of " + event.runId(), () -> {
            Optional<RollbackTrace.Reported> rollback = RollbackTrace.read(event);
            rollback.ifPresent(rollbacks::finish);
            if (rollback.isPresent() && !store.exists(event.runId())) {
                return; // a rollback of a run whose state expired: its outcome is all there is to keep
            }
            if (known(event.runId(), null, Topics.INGEST_TRACES)) {
                // The sign of life first: whoever reads the event in the run's trace can count on the deadline check
                // having it too (DeadlineIT waits for a heartbeat in the trace, then lets the target fall silent).
                sightings.record(event);
                store.appendTrace(event.runId(), json);
            }
        });
    }

    /** Trace events name no project: they wait for a result, a stage event or a poll of the CLI to restore a run. */
    private boolean known(String runId, ProjectRef project, String topic) {
        if (store.exists(runId)
                || project != null && restorer.restore(runId, project).isPresent()) {
            return true;
        }
        LOG.warnf("dropping a message on %s of unknown run %s (expired, or Redis lost its state)", topic, runId);
        meters.counter("ktx_unknown_run_messages_total", "topic", topic).increment();
        return false;
    }
}
