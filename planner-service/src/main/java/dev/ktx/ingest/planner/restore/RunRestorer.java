package dev.ktx.ingest.planner.restore;

import dev.ktx.ingest.core.git.ContextRepository;
import dev.ktx.ingest.core.git.SessionId;
import dev.ktx.ingest.core.messaging.FinalizeRequestMessage;
import dev.ktx.ingest.core.messaging.MessageCodec;
import dev.ktx.ingest.core.messaging.ProjectRef;
import dev.ktx.ingest.core.plan.Operation;
import dev.ktx.ingest.core.plan.PlanTarget;
import dev.ktx.ingest.core.plan.TargetResult;
import dev.ktx.ingest.core.trace.TargetTracer;
import dev.ktx.ingest.core.trace.TraceEvents;
import dev.ktx.ingest.planner.outbound.PlannerPublisher;
import dev.ktx.ingest.planner.project.ReposRoot;
import dev.ktx.ingest.planner.stage.StageCoordinator;
import dev.ktx.ingest.planner.state.ActiveRuns;
import dev.ktx.ingest.planner.state.RunPlans;
import dev.ktx.ingest.planner.state.RunRecord;
import dev.ktx.ingest.planner.state.RunStore;
import dev.ktx.ingest.planner.state.TargetSightings;
import dev.ktx.ingest.service.ContextRepositories;
import dev.ktx.ingest.service.KafkaTraceSink;
import dev.ktx.ingest.service.RunLedger;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;
import org.redisson.api.RLock;

/**
 * Rebuilds the state of a run the planner no longer knows (Redis restarted without persistence) from the run's
 * record ({@code refs/ktx/runs/<runId>}, written when it started, removed when it finished), what the run left on
 * the topics ({@link RunTopics}: its results, its released source jobs) and what the repository holds of each
 * target ({@link TargetRecovery}). Results and stage events carry their project, and {@code ktx ingest} names it
 * when it polls, so the first of them after the loss restores the run; the run then goes on as usual. A run id
 * with no record (never started here, or finished) stays unknown.
 */
@ApplicationScoped
public class RunRestorer {

    private static final Logger LOG = Logger.getLogger(RunRestorer.class);

    private final ContextRepositories repositories;
    private final RunStore store;
    private final RunPlans plans;
    private final RunLedger ledger;
    private final ActiveRuns activeRuns;
    private final TargetSightings sightings;
    private final PlannerPublisher publisher;
    private final StageCoordinator stages;
    private final KafkaTraceSink traces;
    private final RunTopics topics;
    private final ReposRoot reposRoot;
    private final Clock clock = Clock.systemUTC();

    public RunRestorer(
            ContextRepositories repositories,
            RunStore store,
            RunPlans plans,
            RunLedger ledger,
            ActiveRuns activeRuns,
            TargetSightings sightings,
            PlannerPublisher publisher,
            StageCoordinator stages,
            KafkaTraceSink traces,
            RunTopics topics,
            ReposRoot reposRoot) {
        this.repositories = repositories;
        this.store = store;
        this.plans = plans;
        this.ledger = ledger;
        this.activeRuns = activeRuns;
        this.sightings = sightings;
        this.publisher = publisher;
        this.stages = stages;
        this.traces = traces;
        this.topics = topics;
        this.reposRoot = reposRoot;
    }

    /** The run, restored if needed; empty when {@code project} holds no record of it. */
    public Optional<RunRecord> restore(String runId, ProjectRef project) {
        Optional<RunRecord> recorded = recorded(runId, project);
        if (recorded.isEmpty()) {
            return Optional.empty();
        }
        RunRecord run = recorded.get();
        RLock lock = store.runLock(runId);
        lock.lock();
        try {
            if (store.exists(runId)) {
                return store.find(runId);
            }
            rebuild(run, repositories.repository(run.project()));
        } finally {
            lock.unlock();
        }
        stages.afterProgress(runId);
        return Optional.of(run);
    }

    private Optional<RunRecord> recorded(String runId, ProjectRef project) {
        try {
            reposRoot.require("", project);
            return repositories
                    .repository(project)
                    .recordedRun(runId)
                    .map(json -> MessageCodec.read(json, RunRecord.class));
        } catch (
                IllegalArgumentException
                        e) { // not a repository (any more), or outside the root: nothing to restore from
            LOG.warnf("cannot look for run %s in %s: %s", runId, project.location(), e.getMessage());
            return Optional.empty();
        }
    }

    /** Under the run lock, before any other handler of the run may act: the record is stored first. */
    private void rebuild(RunRecord run, ContextRepository repo) {
        String runId = run.runId();
        Map<String, TargetResult> published = topics.firstResults(runId, run.startedAt());
        Set<String> released = topics.releasedSources(runId, run.startedAt());
        Map<String, TargetRecovery> recovery = new TreeMap<>();
        List<PlanTarget> targets = plans.of(run).targets();
        for (PlanTarget target : targets) {
            SessionId session = new SessionId(runId, target.connectionId());
            boolean jobPublished =
                    target.operation() == Operation.DATABASE_INGEST || released.contains(target.connectionId());
            recovery.put(
                    target.connectionId(),
                    TargetRecovery.of(
                            target,
                            Optional.ofNullable(published.get(target.connectionId())),
                            repo.findSquash(session),
                            repo.sentinel(session),
                            repo.handoff(session),
                            repo.sessionHead(session).isPresent(),
                            jobPublished));
        }
        store.create(run);
        ledger.open(runId, targets.stream().map(PlanTarget::connectionId).toList());
        activeRuns.add(run);
        List<CompletionStage<Void>> sends = new ArrayList<>();
        Map<String, List<String>> outcome = new TreeMap<>();
        for (PlanTarget target : targets) {
            String connectionId = target.connectionId();
            TargetRecovery recovered = recovery.get(connectionId);
            outcome.computeIfAbsent(recovered.label(), label -> new ArrayList<>())
                    .add(connectionId);
            if (recovered instanceof TargetRecovery.Known known) {
                store.putResult(runId, known.result());
                ledger.finish(runId, connectionId);
            } else if (recovered instanceof TargetRecovery.FinalizeAgain again) {
                working(run, target);
                sends.add(publisher.finalizeRequest(
                        MessageCodec.read(again.finalizeRequest(), FinalizeRequestMessage.class)));
            } else if (recovered instanceof TargetRecovery.InFlight) {
                working(run, target);
            }
        }
        publisher.await("the finalize requests of restored run " + runId, sends);
        new TargetTracer(traces, clock, runId, null)
                .warn(
                        "plan",
                        TraceEvents.RUN_RESTORED,
                        Map.<String, Object>copyOf(outcome),
                        "the planner lost the run's state and rebuilt it from the topics and the repository");
        LOG.warnf("run %s restored from the topics and the repository: %s", runId, outcome);
    }

    /** A target some service still works on: its source slot stays taken and its silence counts from now. */
    private void working(RunRecord run, PlanTarget target) {
        if (target.operation() == Operation.SOURCE_INGEST) {
            store.markReleased(run.runId(), target.connectionId());
        }
        sightings.queued(run.runId(), target.connectionId());
    }
}
