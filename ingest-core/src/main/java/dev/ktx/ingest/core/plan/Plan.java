package dev.ktx.ingest.core.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Optional;

/** The targets of a run in plan order: database targets first, then sources, each group by connection id. */
public record Plan(List<PlanTarget> targets) {

    /** Also how a plan is read from JSON: the list of its targets. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public Plan {
        targets = List.copyOf(targets);
    }

    public Optional<PlanTarget> target(String connectionId) {
        return targets.stream()
                .filter(t -> t.connectionId().equals(connectionId))
                .findFirst();
    }

    @JsonValue
    @Override
    public List<PlanTarget> targets() {
        return targets;
    }
}
