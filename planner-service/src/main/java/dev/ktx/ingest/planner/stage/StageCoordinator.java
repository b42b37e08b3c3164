package dev.ktx.ingest.planner.stage;

import dev.ktx.ingest.core.messaging.StageEventMessage;
import dev.ktx.ingest.core.messaging.TargetJobMessage;
import dev.ktx.ingest.core.messaging.TargetResultMessage;
import dev.ktx.ingest.core.plan.Plan;
import dev.ktx.ingest.core.plan.PlanTarget;
import dev.ktx.ingest.core.plan.RunProgress;
import dev.ktx.ingest.core.plan.RunResults;
import dev.ktx.ingest.core.plan.TargetResult;
import dev.ktx.ingest.core.trace.TargetTracer;
import dev.ktx.ingest.core.trace.TraceEvents;
import dev.ktx.ingest.planner.outbound.PlannerPublisher;
import dev.ktx.ingest.planner.state.RunPlans;
import dev.ktx.ingest.planner.state.RunRecord;
import dev.ktx.ingest.planner.state.RunStore;
import dev.ktx.ingest.planner.state.TargetSightings;
import dev.ktx.ingest.service.ContextRepositories;
import dev.ktx.ingest.service.KafkaTraceSink;
import dev.ktx.ingest.service.RunLedger;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.redisson.api.RLock;

/**
 * The database-stage barrier and the capped release of source jobs. Every decision is taken from the stored run
 * state under the run's lock, so duplicated messages, several planner threads or replicas, and planner restarts
 * neither lose nor duplicate the barrier or a release.
 */
@ApplicationScoped
public class StageCoordinator {

    private static final Logger LOG = Logger.getLogger(StageCoordinator.class);

    private final RunStore store;
    private final RunPlans plans;
    private final PlannerPublisher publisher;
    private final KafkaTraceSink traces;
    private final MeterRegistry meters;
    private final RunLedger ledger;
    private final TargetSightings sightings;
    private final ContextRepositories repositories;
    private final Clock clock = Clock.systemUTC();

    public StageCoordinator(
            RunStore store,
            RunPlans plans,
            PlannerPublisher publisher,
            KafkaTraceSink traces,
            MeterRegistry meters,
            RunLedger ledger,
            TargetSightings sightings,
            ContextRepositories repositories) {
        this.store = store;
        this.plans = plans;
        this.publisher = publisher;
        this.traces = traces;
        this.meters = meters;
        this.ledger = ledger;
        this.sightings = sightings;
        this.repositories = repositories;
    }

    public void onResult(TargetResultMessage message) {
        TargetResult result = message.result();
        if (store.putResult(message.runId(), result)) {
            meters.counter("ktx_target_total", "status", result.failure().isPresent() ? "failed" : "done")
                    .increment();
        } else {
            LOG.debugf(
                    "kept the first result of %s/%s; a later one does not change it",
                    message.runId(), result.connectionId());
        }
        ledger.finish(message.runId(), result.connectionId());
        resumeParked(message.runId(), result.connectionId());
        afterProgress(message.runId());
    }

    public void onStage(StageEventMessage event) {
        if (StageEventMessage.DATABASE_STAGE_COMPLETE.equals(event.stage())) {
            store.setOnce(event.runId(), RunStore.Flag.barrier_seen);
        }
        afterProgress(event.runId());
    }

    /**
     * A peer reached a final state: every parked session of the run is looked at again (docs/ingest-core.md,
     * "Parking"). The ledger was updated first, so a session parking concurrently either is seen here or sees the
     * peer as finished itself.
     */
    private void resumeParked(String runId, String finished) {
        ledger.parked(runId).forEach((connectionId, parked) -> {
            if (!connectionId.equals(finished)) {
                publisher.await(
                        "the parked finalize request of " + runId + "/" + connectionId,
                        List.of(publisher.finalizeRequest(parked.request())));
            }
        });
    }

    /** Publishes the barrier, releases sources and finishes the run as far as the stored state allows. */
    public void afterProgress(String runId) {
        Optional<RunRecord> found = store.find(runId);
        if (found.isEmpty()) {
            LOG.warnf("ignoring progress of unknown run %s", runId);
            return;
        }
        RunRecord run = found.get();
        RLock lock = store.runLock(runId);
        lock.lock();
        try {
            Plan plan = plans.of(run);
            Set<String> finished = store.results(runId).stream()
                    .map(TargetResult::connectionId)
                    .collect(Collectors.toSet());
            RunProgress progress = new RunProgress(
                    plan, finished, store.released(runId), ledger.parkedTargets(runId), run.sourcesMaxConcurrency());
            TargetTracer tracer = new TargetTracer(traces, clock, runId, null);
            if (progress.databaseStageComplete() && !store.isSet(runId, RunStore.Flag.barrier_published)) {
                // Published before the flag is set: a crash in between publishes it twice, which is harmless.
                tracer.info(
                        "database",
                        TraceEvents.STAGE_BARRIER_REACHED,
                        Map.of("stage", StageEventMessage.DATABASE_STAGE_COMPLETE));
                stageDuration("database", run.startedAt());
                publisher.await(
                        "the database barrier of " + runId,
                        List.of(publisher.stage(
                                StageEventMessage.databaseStageComplete(runId, run.project(), clock.instant()))));
                store.setOnce(runId, RunStore.Flag.barrier_published);
            }
            if (store.isSet(runId, RunStore.Flag.barrier_seen)) {
                release(run, progress);
            }
            if (progress.runComplete()) {
                if (store.setOnce(runId, RunStore.Flag.finished)) {
                    store.setAt(runId, RunStore.Flag.barrier_published)
                            .ifPresent(barrier -> stageDuration("source", barrier));
                    RunResults results = RunResults.inPlanOrder(plan, store.results(runId));
                    tracer.timed(
                            "run",
                            TraceEvents.RUN_FINISHED,
                            Duration.between(run.startedAt(), clock.instant()).toMillis(),
                            Map.of("exitCode", results.exitCode()));
                }
                // After the flag, and on every later look, so that a failed removal is done by a redelivery.
                repositories.repository(run.project()).forgetRun(runId);
            }
        } finally {
            lock.unlock();
        }
    }

    private void stageDuration(String stage, Instant since) {
        meters.timer("ktx_stage_duration_seconds", "stage", stage).record(Duration.between(since, clock.instant()));
    }

    private void release(RunRecord run, RunProgress progress) {
        for (PlanTarget target : progress.sourcesToRelease()) {
            sightings.queued(run.runId(), target.connectionId());
            publisher.await(
                    "the source job of " + run.runId() + "/" + target.connectionId(),
                    List.of(publisher.sourceJob(TargetJobMessage.of(
                            run.runId(),
                            run.project(),
                            target.connectionId(),
                            UUID.randomUUID().toString(),
                            run.configCommit()))));
            store.markReleased(run.runId(), target.connectionId());
            LOG.debugf("released source job %s/%s", run.runId(), target.connectionId());
        }
    }
}
