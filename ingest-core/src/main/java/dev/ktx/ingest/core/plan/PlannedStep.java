package dev.ktx.ingest.core.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
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

    /**
     * A step read from JSON, where only its name is. Whether it was enabled is not on the wire; a disabled step reports
     * {@code skipped} in the run's results, so a reader of a plan takes it as enabled.
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static PlannedStep named(Step step) {
        return new PlannedStep(step, true);
    }

    @JsonValue
    @Override
    public Step step() {
        return step;
    }
}
