package dev.ktx.ingest.planner.run;

import dev.ktx.ingest.core.config.KtxConfig;
import dev.ktx.ingest.core.git.ContextRepository;
import dev.ktx.ingest.core.messaging.IngestRequestMessage;
import dev.ktx.ingest.core.messaging.ProjectRef;
import dev.ktx.ingest.core.messaging.TargetJobMessage;
import dev.ktx.ingest.core.plan.Operation;
import dev.ktx.ingest.core.plan.Plan;
import dev.ktx.ingest.core.plan.PlanRequest;
import dev.ktx.ingest.core.plan.PlanTarget;
import dev.ktx.ingest.core.plan.Planner;
import dev.ktx.ingest.core.trace.TargetTracer;
import dev.ktx.ingest.core.trace.TraceEvents;
import dev.ktx.ingest.planner.messaging.PlannerPublisher;
import dev.ktx.ingest.planner.stage.StageCoordinator;
import dev.ktx.ingest.service.ContextRepositories;
import dev.ktx.ingest.service.KafkaTraceSink;
import dev.ktx.ingest.service.RunLedger;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/**
 * Starts runs: reads {@code ktx.yaml} from {@code main}, plans (invalid config or request → exception, nothing
 * published), stores the run, then publishes its database jobs — or, without database targets, goes straight to
 * the barrier.
 */
@ApplicationScoped
public class RunPlanner {

    private final ContextRepositories repositories;
    private final RunStore store;
    private final PlannerPublisher publisher;
    private final StageCoordinator stages;
    private final KafkaTraceSink traces;
    private final RunLedger ledger;
    private final Clock clock = Clock.systemUTC();

    public RunPlanner(ContextRepositories repositories, RunStore store, PlannerPublisher publisher,
                      StageCoordinator stages, KafkaTraceSink traces, RunLedger ledger) {
        this.repositories = repositories;
        this.store = store;
        this.publisher = publisher;
        this.stages = stages;
        this.traces = traces;
        this.ledger = ledger;
    }

    /** Validates and plans without starting anything. */
    public PlannedRun plan(IngestRequestMessage request) {
        ProjectRef project = request.project();
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

    public String start(IngestRequestMessage request) {
        PlannedRun planned = plan(request);
        String runId = newRunId();
        RunRecord run = new RunRecord(runId, request.project(), request.connectionId(), request.all(),
                planned.configCommit(), planned.config().ingest().sourcesMaxConcurrency(), clock.instant());
        store.create(run);
        ledger.open(runId, planned.plan().targets().stream().map(PlanTarget::connectionId).toList());
        new TargetTracer(traces, clock, runId, null).info("plan", TraceEvents.RUN_STARTED, Map.of(
                "projectId", request.project().projectId(), "configCommit", planned.configCommit(),
                "targets", planned.plan().targets().stream().map(PlanTarget::connectionId).toList()));
        for (PlanTarget target : planned.plan().targets()) {
            if (target.operation() == Operation.DATABASE_INGEST) {
                publisher.databaseJob(run.project(), TargetJobMessage.of(runId, run.project(), target.connectionId(),
                        UUID.randomUUID().toString(), planned.configCommit()));
            }
        }
        stages.afterProgress(runId);
        return runId;
    }

    private String newRunId() {
        return clock.instant().toString().replaceAll("[^0-9]", "").substring(0, 14) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    public record PlannedRun(IngestRequestMessage request, String configCommit, KtxConfig config, Plan plan) {
    }
}
