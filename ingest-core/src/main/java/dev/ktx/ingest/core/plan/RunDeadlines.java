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
     * @param finished connections with a final result
     * @param released source connections whose job was published
     * @param parked   connections whose session the finalizer parked: they wait for peers, not silent
     * @param lastSeen per connection; a published target never seen counts as queued since the run started
     */
    public List<TimedOut> timedOut(Plan plan, Instant startedAt, Instant now, Set<String> finished,
                                   Set<String> released, Set<String> parked, Map<String, TargetSighting> lastSeen) {
        boolean runExpired = Duration.between(startedAt, now).compareTo(runTimeout) > 0;
        List<TimedOut> timedOut = new ArrayList<>();
        // Database jobs run one at a time in plan order: one still waiting for its turn is alive as long as those before it.
        Instant databaseTurn = startedAt;
        for (PlanTarget target : plan.targets()) {
            boolean database = target.operation() == Operation.DATABASE_INGEST;
            boolean published = database || released.contains(target.connectionId());
            TargetSighting seen = lastSeen.getOrDefault(target.connectionId(), new TargetSighting(startedAt, TargetSighting.QUEUED));
            Instant aliveAt = database && TargetSighting.QUEUED.equals(seen.phase()) ? latest(seen.at(), databaseTurn) : seen.at();
            if (database) {
                databaseTurn = latest(databaseTurn, seen.at());
            }
            if (finished.contains(target.connectionId())) {
                continue;
            }
            if (runExpired) {
                timedOut.add(new TimedOut(target, runTimeout, published ? seen.phase() : NOT_RELEASED));
            } else if (published && !parked.contains(target.connectionId())
                    && Duration.between(aliveAt, now).compareTo(targetSilenceLimit) > 0) {
                timedOut.add(new TimedOut(target, targetSilenceLimit, seen.phase()));
            }
        }
        return timedOut;
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** A target that timed out after {@code limit}, last seen in {@code lastPhase}. */
    public record TimedOut(PlanTarget target, Duration limit, String lastPhase) {

        public String detail() {
            return "target timed out after " + Durations.format(limit) + " (last seen: " + lastPhase + ")";
        }

        public TargetResult result() {
            return TargetResult.failed(target, detail());
        }
    }
}
