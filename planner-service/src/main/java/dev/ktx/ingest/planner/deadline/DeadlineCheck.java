package dev.ktx.ingest.planner.deadline;

import dev.ktx.ingest.core.config.Durations;
import dev.ktx.ingest.core.messaging.TargetResultMessage;
import dev.ktx.ingest.core.plan.RunDeadlines.TargetStates;
import dev.ktx.ingest.core.plan.RunDeadlines.TimedOut;
import dev.ktx.ingest.core.plan.TargetResult;
import dev.ktx.ingest.core.trace.TargetTracer;
import dev.ktx.ingest.core.trace.TraceEvents;
import dev.ktx.ingest.planner.outbound.PlannerPublisher;
import dev.ktx.ingest.planner.state.ActiveRuns;
import dev.ktx.ingest.planner.state.RunPlans;
import dev.ktx.ingest.planner.state.RunRecord;
import dev.ktx.ingest.planner.state.RunSettings;
import dev.ktx.ingest.planner.state.RunStore;
import dev.ktx.ingest.planner.state.TargetSightings;
import dev.ktx.ingest.service.KafkaTraceSink;
import dev.ktx.ingest.service.PeriodicTask;
import dev.ktx.ingest.service.RunLedger;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Every run ends: every {@code ktx.planner.deadline-check-interval} the planner looks at its active runs and fails
 * the targets past their deadline ({@code ingest.runTimeout}, {@code ingest.targetSilenceLimit}; see
 * {@code RunDeadlines}) by publishing a failed result on {@code ingest.results}. That result takes the normal path,
 * so the barrier, the release of sources and the end of the run stay in one place. Of several planner replicas,
 * the one that claims a target publishes its result. Each check also sets {@code ktx_runs{status}}: {@code running}
 * runs, and {@code overdue} ones still running past their {@code ingest.runTimeout} (never for long while the check
 * works, so an alert watches it).
 */
@ApplicationScoped
public class DeadlineCheck {

    private static final Logger LOG = Logger.getLogger(DeadlineCheck.class);
    private static final String PHASE = "deadline";

    private final ActiveRuns activeRuns;
    private final RunStore store;
    private final RunPlans plans;
    private final TargetSightings sightings;
    private final PlannerPublisher publisher;
    private final KafkaTraceSink traces;
    private final RunLedger ledger;
    private final RunSettings settings;
    private final Clock clock = Clock.systemUTC();
    private final AtomicLong running = new AtomicLong();
    private final AtomicLong overdue = new AtomicLong();
    /** Nothing was seen before this process started; silence counts from here at the earliest. */
    private final Instant watchingSince = clock.instant();

    private final PeriodicTask schedule = new PeriodicTask("ktx-deadline-check", "deadline check", LOG);

    public DeadlineCheck(
            ActiveRuns activeRuns,
            RunStore store,
            RunPlans plans,
            TargetSightings sightings,
            RunLedger ledger,
            PlannerPublisher publisher,
            KafkaTraceSink traces,
            RunSettings settings,
            MeterRegistry meters) {
        this.activeRuns = activeRuns;
        this.store = store;
        this.plans = plans;
        this.sightings = sightings;
        this.ledger = ledger;
        this.publisher = publisher;
        this.traces = traces;
        this.settings = settings;
        meters.gauge("ktx_runs", Tags.of("status", "running"), running);
        meters.gauge("ktx_runs", Tags.of("status", "overdue"), overdue);
    }

    void start(@Observes StartupEvent event) {
        Duration interval = settings.deadlineCheckInterval();
        schedule.start(interval, interval, this::checkActiveRuns);
    }

    @PreDestroy
    void stop() {
        schedule.stop();
    }

    /** A run whose check fails does not keep the others from theirs. */
    private void checkActiveRuns() {
        long runs = 0;
        long late = 0;
        for (String runId : activeRuns.all()) {
            try {
                Optional<RunRecord> run = check(runId);
                runs += run.isPresent() ? 1 : 0;
                late += run.filter(this::overdue).isPresent() ? 1 : 0;
            } catch (RuntimeException e) {
                LOG.warnf(
                        e,
                        "deadline check of run %s failed; trying again in %s",
                        runId,
                        Durations.format(settings.deadlineCheckInterval()));
            }
        }
        running.set(runs);
        overdue.set(late);
    }

    private boolean overdue(RunRecord run) {
        return run.startedAt().plus(run.deadlines().runTimeout()).isBefore(clock.instant());
    }

    /** The run, if it is still running. */
    private Optional<RunRecord> check(String runId) {
        Optional<RunRecord> found = store.find(runId);
        if (found.isEmpty() || store.isSet(runId, RunStore.Flag.finished)) {
            activeRuns.remove(runId);
            return Optional.empty();
        }
        RunRecord run = found.get();
        Set<String> finished =
                store.results(runId).stream().map(TargetResult::connectionId).collect(Collectors.toSet());
        TargetStates states =
                new TargetStates(finished, store.released(runId), ledger.parkedTargets(runId), sightings.all(runId));
        List<TimedOut> timedOut =
                run.deadlines().timedOut(plans.of(run), run.startedAt(), watchingSince, clock.instant(), states);
        for (TimedOut target : timedOut) {
            String connectionId = target.target().connectionId();
            if (store.claimTimeout(runId, connectionId)) {
                new TargetTracer(traces, clock, runId, connectionId)
                        .warn(
                                PHASE,
                                TraceEvents.TARGET_TIMED_OUT,
                                Map.of("limit", Durations.format(target.limit()), "lastSeen", target.lastPhase()),
                                target.detail());
                publisher.await(
                        "the timed-out result of " + connectionId,
                        List.of(publisher.result(TargetResultMessage.of(runId, run.project(), target.result()))));
                LOG.infof("run %s: %s %s", runId, connectionId, target.detail());
            }
        }
        return found;
    }
}
