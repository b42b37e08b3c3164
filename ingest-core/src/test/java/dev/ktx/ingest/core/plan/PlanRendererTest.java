package dev.ktx.ingest.core.plan;

import static dev.ktx.ingest.core.config.Driver.DBT;
import static dev.ktx.ingest.core.config.Driver.METABASE;
import static dev.ktx.ingest.core.config.Driver.NOTION;
import static dev.ktx.ingest.core.config.Driver.POSTGRES;
import static dev.ktx.ingest.core.plan.Operation.DATABASE_INGEST;
import static dev.ktx.ingest.core.plan.Operation.SOURCE_INGEST;
import static dev.ktx.ingest.core.plan.StepStatus.DONE;
import static dev.ktx.ingest.core.plan.StepStatus.FAILED;
import static dev.ktx.ingest.core.plan.StepStatus.SKIPPED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlanRendererTest {

    private final Plan plan = PlanFixtures.fullPlan();

    /** archive done; warehouse query history skipped; metabase failed; dbt failed without detail; notion never reported. */
    private final RunResults results = RunResults.inPlanOrder(
            plan,
            List.of(
                    new TargetResult(
                            "metabase",
                            METABASE,
                            SOURCE_INGEST,
                            List.of(new StepResult(
                                    Step.SOURCE_INGEST,
                                    FAILED,
                                    "source refresh conflict before reconciliation: wiki/global/a.md"))),
                    new TargetResult(
                            "archive",
                            POSTGRES,
                            DATABASE_INGEST,
                            List.of(
                                    new StepResult(Step.DATABASE_SCHEMA, DONE, null),
                                    new StepResult(Step.QUERY_HISTORY, DONE, null))),
                    new TargetResult(
                            "analytics_dbt",
                            DBT,
                            SOURCE_INGEST,
                            List.of(new StepResult(Step.SOURCE_INGEST, FAILED, null))),
                    new TargetResult(
                            "warehouse",
                            POSTGRES,
                            DATABASE_INGEST,
                            List.of(
                                    new StepResult(Step.DATABASE_SCHEMA, DONE, null),
                                    new StepResult(Step.QUERY_HISTORY, SKIPPED, "disabled")))));

    @Test
    void rendersTheResultsTableAndTheFailures() {
        assertThat(PlanRenderer.resultsTable(results)).isEqualTo("""
                Source          Database schema  Query history  Source ingest
                archive         done             done           -
                warehouse       done             skipped        -
                analytics_dbt   -                -              failed
                metabase        -                -              failed
                zendesk_notion  -                -              not-run
                Failed sources:
                analytics_dbt failed: source-ingest failed
                metabase failed: source refresh conflict before reconciliation: wiki/global/a.md
                """);
    }

    @Test
    void rendersNoFailureSectionWhenNothingFailed() {
        Plan single = new Plan(List.of(plan.target("zendesk_notion").orElseThrow()));
        RunResults done = RunResults.inPlanOrder(
                single,
                List.of(new TargetResult(
                        "zendesk_notion",
                        NOTION,
                        SOURCE_INGEST,
                        List.of(new StepResult(Step.SOURCE_INGEST, DONE, null)))));

        assertThat(PlanRenderer.resultsTable(done)).isEqualTo("""
                Source          Database schema  Query history  Source ingest
                zendesk_notion  -                -              done
                """);
    }

    @Test
    void rendersTheDryRunTable() {
        assertThat(PlanRenderer.dryRunTable(plan)).isEqualTo("""
                Source          Database schema  Query history  Source ingest
                archive         planned          planned        -
                warehouse       planned          skipped        -
                analytics_dbt   -                -              planned
                metabase        -                -              planned
                zendesk_notion  -                -              planned
                """);
    }

    @Test
    void rendersTheJsonReport() {
        Plan twoTargets = new Plan(List.of(
                plan.target("warehouse").orElseThrow(), plan.target("metabase").orElseThrow()));
        RunResults partial = RunResults.inPlanOrder(
                twoTargets,
                List.of(new TargetResult(
                        "metabase",
                        METABASE,
                        SOURCE_INGEST,
                        List.of(new StepResult(Step.SOURCE_INGEST, FAILED, "boom")))));

        assertThat(new RunReport("r-1", twoTargets, partial).toJson())
                .isEqualTo("{\"runId\":\"r-1\",\"plan\":["
                        + "{\"connectionId\":\"warehouse\",\"driver\":\"postgres\",\"operation\":\"database-ingest\","
                        + "\"steps\":[\"database-schema\",\"query-history\"]},"
                        + "{\"connectionId\":\"metabase\",\"driver\":\"metabase\",\"operation\":\"source-ingest\",\"steps\":[\"source-ingest\"]}],"
                        + "\"results\":["
                        + "{\"connectionId\":\"warehouse\",\"driver\":\"postgres\",\"operation\":\"database-ingest\",\"steps\":["
                        + "{\"step\":\"database-schema\",\"status\":\"not-run\"},{\"step\":\"query-history\",\"status\":\"not-run\"}]},"
                        + "{\"connectionId\":\"metabase\",\"driver\":\"metabase\",\"operation\":\"source-ingest\",\"steps\":["
                        + "{\"step\":\"source-ingest\",\"status\":\"failed\",\"detail\":\"boom\"}]}]}");
    }
}
