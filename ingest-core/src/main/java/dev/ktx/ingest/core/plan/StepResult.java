package dev.ktx.ingest.core.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.ktx.ingest.core.config.Redaction;
import java.util.Objects;

/**
 * @param detail why a step failed or was skipped; null when there is nothing to say (omitted from JSON). URL credentials
 *               in it are masked ({@link Redaction}): it reaches results, the CLI and the planner's store.
 */
@JsonPropertyOrder({"step", "status", "detail"})
public record StepResult(
        Step step,
        StepStatus status,
        @JsonInclude(JsonInclude.Include.NON_NULL) String detail) {

    public StepResult {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(status, "status");
        detail = Redaction.urls(detail);
    }

    public static StepResult notRun(Step step) {
        return new StepResult(step, StepStatus.NOT_RUN, null);
    }
}
