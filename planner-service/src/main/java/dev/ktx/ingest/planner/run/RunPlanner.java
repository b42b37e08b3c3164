package dev.ktx.ingest.planner.run;

import dev.ktx.ingest.core.config.KtxConfig;
import dev.ktx.ingest.core.git.ContextRepository;
import dev.ktx.ingest.core.messaging.IngestRequestMessage;
import dev.ktx.ingest.core.messaging.MessageCodec;
import dev.ktx.ingest.core.messaging.ProjectRef;
import dev.ktx.ingest.core.messaging.TargetJobMessage;
import dev.ktx.ingest.core.plan.Operation;
import dev.ktx.ingest.core.plan.Plan;
import dev.ktx.ingest.core.plan.PlanRequest;
import dev.ktx.ingest.core.plan.PlanTarget;
import dev.ktx.ingest.core.plan.Planner;
import dev.ktx.ingest.core.plan.RunDeadlines;
import dev.ktx.ingest.core.trace.TargetTracer;
import dev.ktx.ingest.core.trace.TraceEvents;
import dev.ktx.ingest.planner.messaging.PlannerPublisher;
import dev.ktx.ingest.planner.messaging.PublishException;
import dev.ktx.ingest.planner.project.ReposRoot;
import dev.ktx.ingest.planner.stage.StageCoordinator;
import dev.ktx.ingest.service.ContextRepositories;
import dev.ktx.ingest.service.KafkaTraceSink;
import dev.ktx.ingest.service.RunLedger;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Starts runs: reads {@code ktx.yaml} from {@code main}, plans (invalid config or request → exception, nothing
 * published), stores the run (in Redis, and its record in the repository for {@code RunRestorer}), then publishes
 * its database jobs and waits for the broker to take them — or, without database targets, goes straight to the
 * barrier.
 */
@ApplicationScoped
public class RunPlanner {

    private final ContextRepositories repositories;
    private final RunStore store;
    private final PlannerPublisher publisher;
    private final StageCoordinator stages;
    private final KafkaTraceSink traces;
    private final RunLedger ledger;
    private final RunStarts starts;
    private final ActiveRuns activeRuns;
    private final TargetSightings sightings;
    private final ReposRoot reposRoot;
    private final Clock clock = Clock.systemUTC();

    public RunPlanner(ContextRepositories repositories, RunStore store, PlannerPublisher publisher,
                      StageCoordinator stages, KafkaTraceSink traces, RunLedger ledger, RunStarts starts,
                      ActiveRuns activeRuns, TargetSightings sightings, ReposRoot reposRoot) {
        this.repositories = repositories;
        this.store = store;
        this.publisher = publisher;
        this.stages = stages;
        this.traces = traces;
        this.ledger = ledger;
        this.starts = starts;
        this.activeRuns = activeRuns;
        this.sightings = sightings;
        this.reposRoot = reposRoot;
    }

    /** Validates and plans without starting anything; a project outside {@code ktx.repos.root} is refused first. */
    public PlannedRun plan(IngestRequestMessage request) {
        ProjectRef project = reposRoot.require("projectDir", request.project());
        ContextRepository repository;
        try {
            repository = repositories.repository(project);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("projectDir: " + e.getMessage(), e);
        }
        String configCommit = repository.mainHead().orElseThrow(() ->
                new IllegalArgumentException("projectDir: " + project.projectDir() + " has no commit on main"));
        KtxConfig config = repositories.config(project, configCommit);
        Plan plan = Planner.plan(config, request.all() ? PlanRequest.all() : PlanRequest.connection(request.connectionId()));
        return new PlannedRun(request, configCommit, config, plan);
    }

    /** Starts the request; one with a {@code requestId} starts at most one run (see {@link #start(IngestRequestMessage, StartKey)}). */
    public String start(IngestRequestMessage request) {
        return request.requestId() == null ? start(request, null) : start(request, StartKey.requestId(request.requestId()));
    }

    /**
     * Plans, stores and starts a run, and returns its id once the broker has its database jobs. With a
     * {@code startKey} seen before (for this project, within {@code ktx.planner.idempotency-retention}), returns the
     * earlier run's id instead and publishes nothing. The run id is reserved before the run is stored, so a start
     * that died in between is completed by the next start with the same key.
     *
     * @param startKey null for a start that is not deduplicated
     * @throws RunNotStartedException when the jobs could not be published; the run is removed again
     */
    public String start(IngestRequestMessage request, StartKey startKey) {
        PlannedRun planned = plan(request);
        String runId = startKey == null ? newRunId() : starts.reserve(request.project(), startKey, newRunId());
        RunRecord run = new RunRecord(runId, request.project(), request.connectionId(), request.all(),
                planned.configCommit(), planned.config().ingest().sourcesMaxConcurrency(),
                RunDeadlines.of(planned.config().ingest()), clock.instant());
        if (!store.create(run)) {
            return runId;
        }
        try {
            launch(run, planned);
        } catch (RuntimeException e) {
            discard(run);
            throw new RunNotStartedException(e instanceof PublishException ? e.getMessage()
                    : "could not start the run: " + e, e);
        }
        return runId;
    }

    private void launch(RunRecord run, PlannedRun planned) {
        String runId = run.runId();
        List<String> targets = planned.plan().targets().stream().map(PlanTarget::connectionId).toList();
        repositories.repository(run.project()).recordRun(runId, MessageCodec.write(run));
        ledger.open(runId, targets);
        activeRuns.add(run);
        new TargetTracer(traces, clock, runId, null).info("plan", TraceEvents.RUN_STARTED, Map.of(
                "projectId", run.project().projectId(), "configCommit", run.configCommit(), "targets", targets));
        List<CompletionStage<Void>> sends = new ArrayList<>();
        for (PlanTarget target : planned.plan().targets()) {
            if (target.operation() == Operation.DATABASE_INGEST) {
                sightings.queued(runId, target.connectionId());
                sends.add(publisher.databaseJob(run.project(), TargetJobMessage.of(runId, run.project(),
                        target.connectionId(), UUID.randomUUID().toString(), run.configCommit())));
            }
        }
        publisher.await("the database jobs", sends);
        stages.afterProgress(runId);
    }

    /** Leaves nothing half-started; the start key stays reserved, so a retry with it starts this run id afresh. */
    private void discard(RunRecord run) {
        String runId = run.runId();
        store.delete(runId);
        sightings.discard(runId);
        activeRuns.remove(runId);
        ledger.discard(runId);
        repositories.repository(run.project()).forgetRun(runId);
    }

    private String newRunId() {
        return clock.instant().toString().replaceAll("[^0-9]", "").substring(0, 14) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    public record PlannedRun(IngestRequestMessage request, String configCommit, KtxConfig config, Plan plan) {
    }
}
