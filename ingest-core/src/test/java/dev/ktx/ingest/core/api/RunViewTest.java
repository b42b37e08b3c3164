package dev.ktx.ingest.core.api;

import static dev.ktx.ingest.core.config.Driver.DBT;
import static dev.ktx.ingest.core.config.Driver.POSTGRES;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.List;
import org.junit.jupiter.api.Test;

/** The planner writes a run view and {@code ktx} reads it back with a plain Jackson mapper, no custom code. */
class RunViewTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Plan PLAN = new Plan(List.of(
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

    @Test
    void aFinishedRunReadsBackAsWritten() throws Exception {
        RunResults results = RunResults.inPlanOrder(
                PLAN,
                List.of(new TargetResult(
                        "analytics_dbt",
                        DBT,
                        Operation.SOURCE_INGEST,
                        List.of(new StepResult(Step.SOURCE_INGEST, StepStatus.FAILED, "conflict")))));
        RunView view = new RunView("run-1", RunView.FINISHED, results.exitCode(), PLAN, results);

        RunView read = JSON.readValue(JSON.writeValueAsString(view), RunView.class);

        assertThat(read).isEqualTo(view);
        assertThat(read.finished()).isTrue();
        assertThat(read.outcome()).isEqualTo(1);
    }

    @Test
    void aRunningRunLeavesTheExitCodeOutAndHasNoOwnFields() throws Exception {
        RunView view = new RunView("run-2", RunView.RUNNING, null, PLAN, RunResults.inPlanOrder(PLAN, List.of()));

        String json = JSON.writeValueAsString(view);

        assertThat(JSON.readTree(json).fieldNames()).toIterable().containsExactly("runId", "status", "plan", "results");
        assertThat(JSON.readValue(json, RunView.class)).isEqualTo(view);
    }

    @Test
    void aPlannedStepIsItsNameOnTheWireAndReadsBackEnabled() throws Exception {
        assertThat(JSON.writeValueAsString(new PlannedStep(Step.QUERY_HISTORY, false)))
                .isEqualTo("\"query-history\"");
        assertThat(JSON.readValue("\"query-history\"", PlannedStep.class))
                .isEqualTo(new PlannedStep(Step.QUERY_HISTORY, true));
    }
}
