package dev.ktx.ingest.core.plan;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.ktx.ingest.core.config.Driver;

import java.util.ArrayList;
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
        return new TargetResult(target.connectionId(), target.driver(), target.operation(),
                target.steps().stream().map(s -> StepResult.notRun(s.step())).toList());
    }

    /** A target that failed as a whole: its first planned step failed with {@code detail}, the others never ran. */
    public static TargetResult failed(PlanTarget target, String detail) {
        List<StepResult> steps = new ArrayList<>();
        for (PlannedStep planned : target.steps()) {
            steps.add(steps.isEmpty() ? new StepResult(planned.step(), StepStatus.FAILED, detail) : StepResult.notRun(planned.step()));
        }
        return new TargetResult(target.connectionId(), target.driver(), target.operation(), steps);
    }

    public Optional<StepResult> step(Step step) {
        return steps.stream().filter(s -> s.step() == step).findFirst();
    }

    /** The first failed step, if any. */
    public Optional<StepResult> failure() {
        return steps.stream().filter(s -> s.status() == StepStatus.FAILED).findFirst();
    }
}
