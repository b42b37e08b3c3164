package dev.ktx.ingest.planner.run;

import dev.ktx.ingest.core.api.RunTrigger;
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
import dev.ktx.ingest.planner.outbound.PlannerPublisher;
import dev.ktx.ingest.planner.project.ReposRoot;
import dev.ktx.ingest.planner.stage.StageCoordinator;
import dev.ktx.ingest.planner.state.ActiveRuns;
import dev.ktx.ingest.planner.state.RecentRuns;
import dev.ktx.ingest.planner.state.RunRecord;
import dev.ktx.ingest.planner.state.RunStore;
import dev.ktx.ingest.planner.state.TargetSightings;
import dev.ktx.ingest.service.ContextRepositories;
import dev.ktx.ingest.service.KafkaTraceSink;
import dev.ktx.ingest.service.PublishException;
import dev.ktx.ingest.service.RunLedger;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
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
    private final RecentRuns recentRuns;
    private final Clock clock = Clock.systemUTC();

    public RunPlanner(
            ContextRepositories repositories,
            RunStore store,
            PlannerPublisher publisher,
            StageCoordinator stages,
            KafkaTraceSink traces,
            RunLedger ledger,
            RunStarts starts,
            ActiveRuns activeRuns,
            TargetSightings sightings,
            ReposRoot reposRoot,
            RecentRuns recentRuns) {
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
        this.recentRuns = recentRuns;
    }

    /** Validates and plans without starting anything: invalid config or targets throw. */
    private PlannedRun plan(ProjectRef project, PlanRequest targets) {
        String configCommit = configCommit(project);
        KtxConfig config = repositories.config(project, configCommit);
        return new PlannedRun(configCommit, config, Planner.plan(config, targets));
    }

    /** The {@code ktx.yaml} on the project's {@code main}. */
    public KtxConfig config(ProjectRef project) {
        return repositories.config(project, configCommit(project));
    }

    /** A project outside {@code ktx.repos.root} is refused before its repository is opened. */
    private String configCommit(ProjectRef project) {
        reposRoot.require("", project);
        String field = project.isRemote() ? "repoUrl: " : "projectDir: ";
        ContextRepository repository;
        try {
            repository = repositories.repository(project);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + e.getMessage(), e);
        }
        return repository
                .mainHead()
                .orElseThrow(() -> new IllegalArgumentException(
                        field + project.location() + " has no commit on " + project.mainBranch()));
    }

    /** Starts an ingest request; one with a {@code requestId} starts at most one run (see {@link #start(RunRequest)}). */
    public String start(IngestRequestMessage request, RunTrigger trigger) {
        return start(RunRequest.of(request, trigger));
    }

    /**
     * Plans, stores and starts a run, and returns its id once the broker has its database jobs. With a
     * start key seen before (for this project, within {@code ktx.planner.idempotency-retention}), returns the
     * earlier run's id instead and publishes nothing. The run id is reserved before the run is stored, so a start
     * that died in between is completed by the next start with the same key.
     *
     * @throws RunNotStartedException when the jobs could not be published; the run is removed again
     */
    public String start(RunRequest request) {
        PlannedRun planned = plan(request.project(), request.targets());
        String runId = request.startKey() == null
                ? newRunId()
                : starts.reserve(request.project(), request.startKey(), newRunId());
        // every connection → all; one connection alone → connectionId (as before sets existed); else the planned set
        PlanRequest targets = request.targets();
        String single = targets.connectionIds()
                .filter(ids -> ids.size() == 1 && !targets.databaseFirst())
                .map(SortedSet::first)
                .orElse(null);
        List<String> set = targets.connectionIds().isEmpty() || single != null
                ? null
                : planned.plan().targets().stream()
                        .map(PlanTarget::connectionId)
                        .toList();
        RunRecord run = new RunRecord(
                runId,
                request.project(),
                single,
                targets.connectionIds().isEmpty(),
                planned.configCommit(),
                planned.config().ingest().sourcesMaxConcurrency(),
                RunDeadlines.of(planned.config().ingest()),
                clock.instant(),
                set,
                request.trigger());
        if (!store.create(run)) {
            return runId;
        }
        try {
            launch(run, planned);
        } catch (RuntimeException e) {
            discard(run);
            throw new RunNotStartedException(
                    e instanceof PublishException ? e.getMessage() : "could not start the run: " + e, e);
        }
        return runId;
    }

    private void launch(RunRecord run, PlannedRun planned) {
        String runId = run.runId();
        List<String> targets =
                planned.plan().targets().stream().map(PlanTarget::connectionId).toList();
        repositories.repository(run.project()).recordRun(runId, MessageCodec.write(run));
        ledger.open(runId, targets);
        activeRuns.add(run);
        recentRuns.add(run);
        new TargetTracer(traces, clock, runId, null)
                .info(
                        "plan",
                        TraceEvents.RUN_STARTED,
                        Map.of(
                                "projectId",
                                run.project().projectId(),
                                "configCommit",
                                run.configCommit(),
                                "targets",
                                targets));
        List<CompletionStage<Void>> sends = new ArrayList<>();
        for (PlanTarget target : planned.plan().targets()) {
            if (target.operation() == Operation.DATABASE_INGEST) {
                sightings.queued(runId, target.connectionId());
                sends.add(publisher.databaseJob(
                        run.project(),
                        TargetJobMessage.of(
                                runId,
                                run.project(),
                                target.connectionId(),
                                UUID.randomUUID().toString(),
                                run.configCommit())));
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
        recentRuns.remove(runId);
        ledger.discard(runId);
        repositories.repository(run.project()).forgetRun(runId);
    }

    private String newRunId() {
        return clock.instant().toString().replaceAll("[^0-9]", "").substring(0, 14) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    private record PlannedRun(String configCommit, KtxConfig config, Plan plan) {}
}
