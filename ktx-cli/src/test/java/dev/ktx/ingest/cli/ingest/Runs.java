package dev.ktx.ingest.cli.ingest;

import static dev.ktx.ingest.core.config.Driver.DBT;
import static dev.ktx.ingest.core.config.Driver.POSTGRES;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ktx.ingest.core.plan.Operation;
import dev.ktx.ingest.core.plan.Plan;
import dev.ktx.ingest.core.plan.PlanTarget;
import dev.ktx.ingest.core.plan.PlannedStep;
import dev.ktx.ingest.core.plan.RunResults;
import dev.ktx.ingest.core.plan.Step;
import dev.ktx.ingest.core.plan.StepResult;
import dev.ktx.ingest.core.plan.StepStatus;
import dev.ktx.ingest.core.plan.TargetResult;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A two-target run (warehouse, analytics_dbt) and the planner's {@code GET /api/ingests/{runId}} body for it. */
final class Runs {

    static final Plan PLAN = new Plan(List.of(
            new PlanTarget(
                    "warehouse",
                    POSTGRES,
                    Operation.DATABASE_INGEST,
                    List.of(new PlannedStep(Step.DATABASE_SCHEMA, true), new PlannedStep(Step.QUERY_HISTORY, true))),
            new PlanTarget(
                    "analytics_dbt",
                    DBT,
                    Operation.SOURCE_INGEST,
                    List.of(new PlannedStep(Step.SOURCE_INGEST, true)))));

    static final TargetResult WAREHOUSE_SCHEMA_DONE = new TargetResult(
            "warehouse",
            POSTGRES,
            Operation.DATABASE_INGEST,
            List.of(new StepResult(Step.DATABASE_SCHEMA, StepStatus.DONE, null)));
    static final TargetResult WAREHOUSE_DONE = new TargetResult(
            "warehouse",
            POSTGRES,
            Operation.DATABASE_INGEST,
            List.of(
                    new StepResult(Step.DATABASE_SCHEMA, StepStatus.DONE, null),
                    new StepResult(Step.QUERY_HISTORY, StepStatus.SKIPPED, "disabled")));
    static final TargetResult DBT_FAILED = new TargetResult(
            "analytics_dbt",
            DBT,
            Operation.SOURCE_INGEST,
            List.of(new StepResult(
                    Step.SOURCE_INGEST,
                    StepStatus.FAILED,
                    "source refresh conflict before before_reconciliation: wiki/global/a.md")));

    private static final ObjectMapper JSON = new ObjectMapper();

    private Runs() {}

    static String running(String runId, TargetResult... reported) {
        return body(runId, "running", null, RunResults.inPlanOrder(PLAN, List.of(reported)));
    }

    static String finished(String runId, TargetResult... reported) {
        RunResults results = RunResults.inPlanOrder(PLAN, List.of(reported));
        return body(runId, "finished", results.exitCode(), results);
    }

    /** As the planner's RunView serializes: nulls left out. */
    private static String body(String runId, String status, Integer exitCode, RunResults results) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("runId", runId);
        view.put("status", status);
        if (exitCode != null) {
            view.put("exitCode", exitCode);
        }
        view.put("plan", PLAN);
        view.put("results", results);
        try {
            return JSON.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
