package dev.ktx.ingest.core.plan;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.ktx.ingest.core.config.Driver;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The outcome of one target, as reported by the worker that ran it. */
@JsonPropertyOrder({"connectionId", "driver", "operation", "steps"})
public record TargetResult(String connectionId, Driver driver, Operation operation, List<StepResult> steps) {

    public TargetResult {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(operation, "operation");
        steps = List.copyOf(steps);
    }

    /** A target that has not reported (yet): every planned step {@code not-run}. */
    public static TargetResult notRun(PlanTarget target) {
        return new TargetResult(
                target.connectionId(),
                target.driver(),
                target.operation(),
                target.steps().stream().map(s -> StepResult.notRun(s.step())).toList());
    }

    public Optional<StepResult> step(Step step) {
        return steps.stream().filter(s -> s.step() == step).findFirst();
    }

    /** The first failed step, if any. */
    public Optional<StepResult> failure() {
        return steps.stream().filter(s -> s.status() == StepStatus.FAILED).findFirst();
    }
}
