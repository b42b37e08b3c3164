package dev.ktx.ingest.core.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The results of a run in plan order, never completion order (docs/services.md): one per planned target, each with the
 * target's planned steps in plan order; what has not reported is {@code not-run}.
 */
public final class RunResults {

    private final List<TargetResult> targets;

    /** Also how results are read from JSON (the list of target results), as the planner put them in plan order. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    private RunResults(List<TargetResult> targets) {
        this.targets = List.copyOf(targets);
    }

    /**
     * Orders {@code results} (any order, possibly incomplete) by {@code plan}. Delivery is at-least-once, so a
     * connection may report more than once; the last report in {@code results} counts.
     *
     * @throws IllegalArgumentException for a result of a connection or step that is not in the plan
     */
    public static RunResults inPlanOrder(Plan plan, Collection<TargetResult> results) {
        Map<String, TargetResult> latest = new HashMap<>();
        for (TargetResult result : results) {
            latest.put(result.connectionId(), result);
        }
        latest.keySet().stream()
                .filter(id -> plan.target(id).isEmpty())
                .findFirst()
                .ifPresent(id -> {
                    throw new IllegalArgumentException("result for a connection that is not in the plan: " + id);
                });
        return new RunResults(plan.targets().stream()
                .map(target -> latest.containsKey(target.connectionId())
                        ? alignedToPlan(target, latest.get(target.connectionId()))
                        : TargetResult.notRun(target))
                .toList());
    }

    /** Steps in plan order, including those the worker did not report (as {@code not-run}). */
    private static TargetResult alignedToPlan(PlanTarget target, TargetResult result) {
        result.steps().stream()
                .filter(s -> target.step(s.step()).isEmpty())
                .findFirst()
                .ifPresent(s -> {
                    throw new IllegalArgumentException("result of " + target.connectionId()
                            + " has a step that is not planned: " + s.step().wireName());
                });
        return new TargetResult(
                target.connectionId(),
                target.driver(),
                target.operation(),
                target.steps().stream()
                        .map(planned -> result.step(planned.step()).orElseGet(() -> StepResult.notRun(planned.step())))
                        .toList());
    }

    @JsonValue
    public List<TargetResult> targets() {
        return targets;
    }

    /** 1 when any step failed, else 0 (the CLI's exit code for a run that could be planned). */
    public int exitCode() {
        return targets.stream().anyMatch(t -> t.failure().isPresent()) ? 1 : 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RunResults results && targets.equals(results.targets);
    }

    @Override
    public int hashCode() {
        return Objects.hash(targets);
    }

    @Override
    public String toString() {
        return "RunResults" + targets;
    }
}
