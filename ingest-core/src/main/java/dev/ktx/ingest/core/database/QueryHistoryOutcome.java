package dev.ktx.ingest.core.database;

import dev.ktx.ingest.core.plan.Step;
import dev.ktx.ingest.core.plan.StepResult;
import dev.ktx.ingest.core.plan.StepStatus;
import dev.ktx.ingest.core.repo.TableUsage;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code query-history} step's result: the step status to report and, only when it is {@code done}, the usage
 * by {@link CatalogTable#qualifiedName()} — an authoritative answer that replaces the usage in the shards.
 */
public record QueryHistoryOutcome(StepResult step, Optional<Map<String, TableUsage>> usage) {

    public QueryHistoryOutcome {
        Objects.requireNonNull(step, "step");
        usage = usage.map(Map::copyOf);
        if (usage.isPresent() != (step.status() == StepStatus.DONE)) {
            throw new IllegalArgumentException("usage is given exactly when the step is done");
        }
    }

    public static QueryHistoryOutcome done(Map<String, TableUsage> usage) {
        return new QueryHistoryOutcome(new StepResult(Step.QUERY_HISTORY, StepStatus.DONE, null), Optional.of(usage));
    }

    public static QueryHistoryOutcome skipped(String detail) {
        return new QueryHistoryOutcome(new StepResult(Step.QUERY_HISTORY, StepStatus.SKIPPED, detail), Optional.empty());
    }

    public static QueryHistoryOutcome failed(String detail) {
        return new QueryHistoryOutcome(new StepResult(Step.QUERY_HISTORY, StepStatus.FAILED, detail), Optional.empty());
    }
}
