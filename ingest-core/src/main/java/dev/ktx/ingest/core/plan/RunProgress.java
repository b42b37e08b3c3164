package dev.ktx.ingest.core.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The execution rules of docs/services.md as pure decisions over a run's plan and what is known of it: when the database
 * stage is complete, which source targets to release next, and when the run is over.
 *
 * @param finished connections with a final result
 * @param released source connections whose job was published
 * @param parked   connections whose session waits, parked, for a peer to land what it refers to; they hold no slot,
 *                 or a run whose parked sessions wait on unreleased peers could never finish
 */
public record RunProgress(
        Plan plan, Set<String> finished, Set<String> released, Set<String> parked, int sourcesMaxConcurrency) {

    public RunProgress {
        finished = Set.copyOf(finished);
        released = Set.copyOf(released);
        parked = Set.copyOf(parked);
    }

    /** Every database target is final (merged or failed); true at once for a plan without database targets. */
    public boolean databaseStageComplete() {
        return targets(Operation.DATABASE_INGEST).stream().allMatch(t -> finished.contains(t.connectionId()));
    }

    /**
     * Source targets to release now, in plan order, so that at most {@code sourcesMaxConcurrency} are in flight
     * (released, not finished and not parked). Call only once the barrier was observed.
     */
    public List<PlanTarget> sourcesToRelease() {
        long inFlight = released.stream()
                .filter(id -> !finished.contains(id) && !parked.contains(id))
                .count();
        List<PlanTarget> next = new ArrayList<>();
        for (PlanTarget target : targets(Operation.SOURCE_INGEST)) {
            if (inFlight + next.size() >= sourcesMaxConcurrency) {
                break;
            }
            if (!released.contains(target.connectionId()) && !finished.contains(target.connectionId())) {
                next.add(target);
            }
        }
        return next;
    }

    public boolean runComplete() {
        return plan.targets().stream().allMatch(t -> finished.contains(t.connectionId()));
    }

    private List<PlanTarget> targets(Operation operation) {
        return plan.targets().stream().filter(t -> t.operation() == operation).toList();
    }
}
