package dev.ktx.ingest.core.plan;

import static dev.ktx.ingest.core.config.Driver.DBT;
import static dev.ktx.ingest.core.config.Driver.METABASE;
import static dev.ktx.ingest.core.config.Driver.NOTION;
import static dev.ktx.ingest.core.config.Driver.POSTGRES;
import static dev.ktx.ingest.core.plan.Operation.DATABASE_INGEST;
import static dev.ktx.ingest.core.plan.Operation.SOURCE_INGEST;
import static dev.ktx.ingest.core.plan.StepStatus.DONE;
import static dev.ktx.ingest.core.plan.StepStatus.FAILED;
import static dev.ktx.ingest.core.plan.StepStatus.NOT_RUN;
import static dev.ktx.ingest.core.plan.StepStatus.SKIPPED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ktx.ingest.core.config.Driver;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunResultsTest {

    private final Plan plan = PlanFixtures.fullPlan();

    private static TargetResult source(String id, Driver driver, StepStatus status) {
        return new TargetResult(id, driver, SOURCE_INGEST, List.of(new StepResult(Step.SOURCE_INGEST, status, null)));
    }

    @Test
    void reportsInPlanOrderWhateverTheCompletionOrder() {
        TargetResult notion = source("zendesk_notion", NOTION, DONE);
        TargetResult dbt = source("analytics_dbt", DBT, DONE);
        TargetResult warehouse = new TargetResult(
                "warehouse",
                POSTGRES,
                DATABASE_INGEST,
                List.of(
                        new StepResult(Step.DATABASE_SCHEMA, DONE, null),
                        new StepResult(Step.QUERY_HISTORY, SKIPPED, "disabled")));
        TargetResult archive = new TargetResult(
                "archive",
                POSTGRES,
                DATABASE_INGEST,
                List.of(
                        new StepResult(Step.QUERY_HISTORY, DONE, null),
                        new StepResult(Step.DATABASE_SCHEMA, DONE, null)));

        RunResults results = RunResults.inPlanOrder(plan, List.of(notion, dbt, warehouse, archive));

        assertThat(results.targets())
                .extracting(TargetResult::connectionId)
                .containsExactly("archive", "warehouse", "analytics_dbt", "metabase", "zendesk_notion");
        assertThat(results.targets().get(0).steps())
                .extracting(StepResult::step)
                .containsExactly(Step.DATABASE_SCHEMA, Step.QUERY_HISTORY);
        assertThat(results.targets().get(1)).isEqualTo(warehouse);
        assertThat(results.targets().get(3)).isEqualTo(source("metabase", METABASE, NOT_RUN));
        assertThat(results.targets().get(4)).isEqualTo(notion);
    }

    @Test
    void aTargetWithoutResultsIsNotRun() {
        RunResults results = RunResults.inPlanOrder(plan, List.of());

        assertThat(results.targets())
                .allSatisfy(t ->
                        assertThat(t.steps()).extracting(StepResult::status).containsOnly(NOT_RUN));
        assertThat(results.targets().get(0))
                .isEqualTo(new TargetResult(
                        "archive",
                        POSTGRES,
                        DATABASE_INGEST,
                        List.of(StepResult.notRun(Step.DATABASE_SCHEMA), StepResult.notRun(Step.QUERY_HISTORY))));
    }

    @Test
    void fillsStepsAWorkerDidNotReportAsNotRun() {
        TargetResult schemaFailed = new TargetResult(
                "archive",
                POSTGRES,
                DATABASE_INGEST,
                List.of(new StepResult(Step.DATABASE_SCHEMA, FAILED, "connection refused")));

        assertThat(RunResults.inPlanOrder(plan, List.of(schemaFailed))
                        .targets()
                        .get(0)
                        .steps())
                .containsExactly(
                        new StepResult(Step.DATABASE_SCHEMA, FAILED, "connection refused"),
                        StepResult.notRun(Step.QUERY_HISTORY));
    }

    @Test
    void theLastReportOfARedeliveredResultCounts() {
        RunResults results = RunResults.inPlanOrder(
                plan, List.of(source("metabase", METABASE, FAILED), source("metabase", METABASE, DONE)));

        assertThat(results.targets().get(3)).isEqualTo(source("metabase", METABASE, DONE));
    }

    @Test
    void rejectsResultsThatAreNotInThePlan() {
        assertThatThrownBy(() -> RunResults.inPlanOrder(plan, List.of(source("looker", DBT, DONE))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("result for a connection that is not in the plan: looker");
        assertThatThrownBy(() -> RunResults.inPlanOrder(
                        plan,
                        List.of(new TargetResult(
                                "metabase",
                                METABASE,
                                SOURCE_INGEST,
                                List.of(new StepResult(Step.QUERY_HISTORY, DONE, null))))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("result of metabase has a step that is not planned: query-history");
    }

    @Test
    void exitsWithOneWhenAnyStepFailed() {
        assertThat(RunResults.inPlanOrder(plan, List.of()).exitCode()).isZero();
        assertThat(RunResults.inPlanOrder(
                                plan,
                                List.of(source("metabase", METABASE, DONE), source("analytics_dbt", DBT, SKIPPED)))
                        .exitCode())
                .isZero();
        assertThat(RunResults.inPlanOrder(
                                plan, List.of(source("metabase", METABASE, DONE), source("analytics_dbt", DBT, FAILED)))
                        .exitCode())
                .isEqualTo(1);
    }

    @Test
    void targetResultsRoundTripThroughJson() throws Exception {
        TargetResult result = new TargetResult(
                "warehouse",
                POSTGRES,
                DATABASE_INGEST,
                List.of(
                        new StepResult(Step.DATABASE_SCHEMA, FAILED, "connection refused"),
                        StepResult.notRun(Step.QUERY_HISTORY)));
        ObjectMapper json = new ObjectMapper();

        assertThat(json.readValue(json.writeValueAsString(result), TargetResult.class))
                .isEqualTo(result);
    }
}
