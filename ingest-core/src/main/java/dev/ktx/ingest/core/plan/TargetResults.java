package dev.ktx.ingest.core.plan;

import dev.ktx.ingest.core.config.ConnectionConfig;
import dev.ktx.ingest.core.config.Driver;
import java.util.ArrayList;
import java.util.List;

/**
 * The target results that workers and the finalizer report, built in one place so that the same outcome always
 * reports the same steps (docs/services.md, "Target results").
 */
public final class TargetResults {

    private TargetResults() {}

    /** The operation's steps as they ran. */
    public static TargetResult of(ConnectionConfig connection, Operation operation, List<StepResult> steps) {
        return new TargetResult(connection.id(), connection.driver(), operation, steps);
    }

    /** Every step of the operation done; {@code detail} (may be null) goes with the last one. */
    public static TargetResult done(ConnectionConfig connection, Operation operation, String detail) {
        List<StepResult> steps = new ArrayList<>();
        List<Step> planned = operation.steps();
        for (int i = 0; i < planned.size(); i++) {
            steps.add(new StepResult(planned.get(i), StepStatus.DONE, i == planned.size() - 1 ? detail : null));
        }
        return of(connection, operation, steps);
    }

    /** The target failed in its first step with {@code error}; the later ones never ran. */
    public static TargetResult failed(ConnectionConfig connection, Operation operation, String error) {
        return failed(connection.id(), connection.driver(), operation, error);
    }

    /** Like {@link #failed(ConnectionConfig, Operation, String)}, for a connection known only by id and driver. */
    public static TargetResult failed(String connectionId, Driver driver, Operation operation, String error) {
        return firstStepFailed(connectionId, driver, operation, operation.steps(), error);
    }

    /** A planned target that failed as a whole (timed out, lost): its first planned step failed, later ones not run. */
    public static TargetResult failed(PlanTarget target, String error) {
        return firstStepFailed(
                target.connectionId(),
                target.driver(),
                target.operation(),
                target.steps().stream().map(PlannedStep::step).toList(),
                error);
    }

    private static TargetResult firstStepFailed(
            String connectionId, Driver driver, Operation operation, List<Step> planned, String error) {
        List<StepResult> steps = new ArrayList<>();
        for (Step step : planned) {
            steps.add(steps.isEmpty() ? new StepResult(step, StepStatus.FAILED, error) : StepResult.notRun(step));
        }
        return new TargetResult(connectionId, driver, operation, steps);
    }

    /** A worker's result whose last step failed afterwards (in the final window) with {@code error}. */
    public static TargetResult lastStepFailed(TargetResult result, String error) {
        List<StepResult> steps = new ArrayList<>(result.steps());
        StepResult last = steps.remove(steps.size() - 1);
        steps.add(new StepResult(last.step(), StepStatus.FAILED, error));
        return new TargetResult(result.connectionId(), result.driver(), result.operation(), steps);
    }
}
