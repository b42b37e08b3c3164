package dev.ktx.ingest.core.plan;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.ktx.ingest.core.config.Driver;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One connection to ingest in a run, with its steps in order. */
@JsonPropertyOrder({"connectionId", "driver", "operation", "steps"})
public record PlanTarget(String connectionId, Driver driver, Operation operation, List<PlannedStep> steps) {

    public PlanTarget {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(operation, "operation");
        steps = List.copyOf(steps);
    }

    public Optional<PlannedStep> step(Step step) {
        return steps.stream().filter(s -> s.step() == step).findFirst();
    }
}
