package dev.ktx.ingest.core.plan;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;

/**
 * A step of a planned target. A disabled step (query history turned off) stays in the plan so that it is reported
 * as {@code skipped}. In JSON it is just the step name, as in the CLI's {@code plan}.
 */
public record PlannedStep(Step step, boolean enabled) {

    public PlannedStep {
        Objects.requireNonNull(step, "step");
    }

    @JsonValue
    @Override
    public Step step() {
        return step;
    }
}
