package dev.ktx.ingest.core.database;

import dev.ktx.ingest.core.plan.Step;
import dev.ktx.ingest.core.plan.StepResult;
import dev.ktx.ingest.core.plan.StepStatus;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code query-history} step's result: the step status to report and, only when it is {@code done}, what was
 * read — an authoritative answer that replaces the usage in the shards and the connection's pattern pages.
 */
public record QueryHistoryOutcome(StepResult step, Optional<QueryHistory> history) {

    public QueryHistoryOutcome {
        Objects.requireNonNull(step, "step");
        if (history.isPresent() != (step.status() == StepStatus.DONE)) {
            throw new IllegalArgumentException("history is given exactly when the step is done");
        }
    }

    public static QueryHistoryOutcome done(QueryHistory history) {
        return new QueryHistoryOutcome(new StepResult(Step.QUERY_HISTORY, StepStatus.DONE, null), Optional.of(history));
    }

    public static QueryHistoryOutcome skipped(String detail) {
        return new QueryHistoryOutcome(
                new StepResult(Step.QUERY_HISTORY, StepStatus.SKIPPED, detail), Optional.empty());
    }

    public static QueryHistoryOutcome failed(String detail) {
        return new QueryHistoryOutcome(new StepResult(Step.QUERY_HISTORY, StepStatus.FAILED, detail), Optional.empty());
    }
}
