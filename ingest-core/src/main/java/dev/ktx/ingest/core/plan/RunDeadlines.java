package dev.ktx.ingest.core.plan;

import dev.ktx.ingest.core.config.Durations;
import dev.ktx.ingest.core.config.IngestSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * "Every run ends" as pure decisions: which unfinished targets of a run have timed out. Once the run is older than
 * {@code runTimeout}, every unfinished target; before that, a target whose job went out (database targets at once,
 * source targets once released), that is not parked by the finalizer, and that has not been seen for longer than
 * {@code targetSilenceLimit}.
 */
public record RunDeadlines(Duration runTimeout, Duration targetSilenceLimit) {

    /** The last-seen phase of a source target whose job was never released. */
    public static final String NOT_RELEASED = "not released";

    public RunDeadlines {
        Objects.requireNonNull(runTimeout, "runTimeout");
        Objects.requireNonNull(targetSilenceLimit, "targetSilenceLimit");
    }

    public static RunDeadlines of(IngestSettings settings) {
        return new RunDeadlines(settings.runTimeout(), settings.targetSilenceLimit());
    }

    /**
     * @param watchedSince when the caller began to watch (e.g. its process start): it cannot have seen anything
     *                     before, so no target counts as silent for longer than since then
     */
    public List<TimedOut> timedOut(
            Plan plan, Instant startedAt, Instant watchedSince, Instant now, TargetStates states) {
        boolean runExpired = Duration.between(startedAt, now).compareTo(runTimeout) > 0;
        List<TimedOut> timedOut = new ArrayList<>();
        // Database jobs run one at a time in plan order: one still waiting for its turn is alive as long as those
        // before it.
        Instant databaseTurn = startedAt;
        for (PlanTarget target : plan.targets()) {
            String id = target.connectionId();
            boolean database = target.operation() == Operation.DATABASE_INGEST;
            boolean published = database || states.released().contains(id);
            TargetSighting seen =
                    states.lastSeen().getOrDefault(id, new TargetSighting(startedAt, TargetSighting.QUEUED));
            Instant aliveAt = latest(
                    watchedSince,
                    database && TargetSighting.QUEUED.equals(seen.phase())
                            ? latest(seen.at(), databaseTurn)
                            : seen.at());
            if (database) {
                databaseTurn = latest(databaseTurn, seen.at());
            }
            if (states.finished().contains(id)) {
                continue;
            }
            if (runExpired) {
                timedOut.add(new TimedOut(target, runTimeout, published ? seen.phase() : NOT_RELEASED));
            } else if (published
                    && !states.parked().contains(id)
                    && Duration.between(aliveAt, now).compareTo(targetSilenceLimit) > 0) {
                timedOut.add(new TimedOut(target, targetSilenceLimit, seen.phase()));
            }
        }
        return timedOut;
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /**
     * What is known of a run's targets.
     *
     * @param finished connections with a final result
     * @param released source connections whose job was published
     * @param parked   connections whose session the finalizer parked: they wait for peers, they are not silent
     * @param lastSeen per connection; a published target never seen counts as queued since the run started
     */
    public record TargetStates(
            Set<String> finished, Set<String> released, Set<String> parked, Map<String, TargetSighting> lastSeen) {

        public TargetStates {
            finished = Set.copyOf(finished);
            released = Set.copyOf(released);
            parked = Set.copyOf(parked);
            lastSeen = Map.copyOf(lastSeen);
        }
    }

    /** A target that timed out after {@code limit}, last seen in {@code lastPhase}. */
    public record TimedOut(PlanTarget target, Duration limit, String lastPhase) {

        public String detail() {
            return "target timed out after " + Durations.format(limit) + " (last seen: " + lastPhase + ")";
        }

        public TargetResult result() {
            return TargetResults.failed(target, detail());
        }
    }
}
