package dev.ktx.ingest.core.plan;

import static dev.ktx.ingest.core.config.Driver.DBT;
import static dev.ktx.ingest.core.config.Driver.METABASE;
import static dev.ktx.ingest.core.config.Driver.NOTION;
import static dev.ktx.ingest.core.config.Driver.POSTGRES;
import static dev.ktx.ingest.core.plan.Operation.DATABASE_INGEST;
import static dev.ktx.ingest.core.plan.Operation.SOURCE_INGEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ktx.ingest.core.config.KtxConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlannerTest {

    @Test
    void plansDatabasesFirstThenSourcesEachSortedById() {
        Plan plan = PlanFixtures.fullPlan();

        assertThat(plan.targets())
                .containsExactly(
                        new PlanTarget(
                                "archive",
                                POSTGRES,
                                DATABASE_INGEST,
                                List.of(
                                        new PlannedStep(Step.DATABASE_SCHEMA, true),
                                        new PlannedStep(Step.QUERY_HISTORY, true))),
                        new PlanTarget(
                                "warehouse",
                                POSTGRES,
                                DATABASE_INGEST,
                                List.of(
                                        new PlannedStep(Step.DATABASE_SCHEMA, true),
                                        new PlannedStep(Step.QUERY_HISTORY, false))),
                        new PlanTarget(
                                "analytics_dbt",
                                DBT,
                                SOURCE_INGEST,
                                List.of(new PlannedStep(Step.SOURCE_INGEST, true))),
                        new PlanTarget(
                                "metabase",
                                METABASE,
                                SOURCE_INGEST,
                                List.of(new PlannedStep(Step.SOURCE_INGEST, true))),
                        new PlanTarget(
                                "zendesk_notion",
                                NOTION,
                                SOURCE_INGEST,
                                List.of(new PlannedStep(Step.SOURCE_INGEST, true))));
    }

    @Test
    void plansQueryHistoryDisabledWhenItIsTurnedOff() {
        Plan plan = PlanFixtures.fullPlan();

        assertThat(plan.target("warehouse").flatMap(t -> t.step(Step.QUERY_HISTORY)))
                .contains(new PlannedStep(Step.QUERY_HISTORY, false));
        assertThat(plan.target("archive").flatMap(t -> t.step(Step.QUERY_HISTORY)))
                .contains(new PlannedStep(Step.QUERY_HISTORY, true));
    }

    @Test
    void plansASingleConnection() {
        Plan plan =
                Planner.plan(PlanFixtures.config(PlanFixtures.SHUFFLED_KTX_YAML), PlanRequest.connection("metabase"));

        assertThat(plan.targets())
                .containsExactly(new PlanTarget(
                        "metabase", METABASE, SOURCE_INGEST, List.of(new PlannedStep(Step.SOURCE_INGEST, true))));
    }

    @Test
    void plansASetOfConnectionsWithTheDatabaseTargetsFirstWhenAsked() {
        KtxConfig config = PlanFixtures.config(PlanFixtures.SHUFFLED_KTX_YAML);

        assertThat(Planner.plan(config, PlanRequest.connections(List.of("zendesk_notion", "metabase"), true))
                        .targets())
                .extracting(PlanTarget::connectionId)
                .containsExactly("archive", "warehouse", "metabase", "zendesk_notion");
        assertThat(Planner.plan(config, PlanRequest.connections(List.of("zendesk_notion", "metabase"), false))
                        .targets())
                .as("databaseFirst: false with only sources skips the database stage")
                .extracting(PlanTarget::connectionId)
                .containsExactly("metabase", "zendesk_notion");
        assertThat(Planner.plan(config, PlanRequest.connections(List.of("metabase", "warehouse"), false))
                        .targets())
                .as("named database targets still run first")
                .extracting(PlanTarget::connectionId)
                .containsExactly("warehouse", "metabase");
    }

    @Test
    void rejectsAnUnknownConnection() {
        assertThatThrownBy(() -> Planner.plan(
                        PlanFixtures.config(PlanFixtures.SHUFFLED_KTX_YAML), PlanRequest.connection("foo")))
                .isInstanceOf(PlanException.class)
                .hasMessage(
                        "Unknown connection: foo (known: analytics_dbt, archive, metabase, warehouse, zendesk_notion)");
    }

    @Test
    void hasNothingToIngestWithoutConnections() {
        assertThatThrownBy(() -> Planner.plan(PlanFixtures.config("ingest: {}\n"), PlanRequest.all()))
                .isInstanceOf(PlanException.class)
                .hasMessage("Nothing to ingest: ktx.yaml has no connections");
    }

    @Test
    void needsExactlyOneOfAConnectionIdAndAll() {
        assertThatThrownBy(() -> PlanRequest.of(null, false))
                .isInstanceOf(PlanException.class)
                .hasMessage("Nothing to ingest: give a connection id or --all");
        assertThatThrownBy(() -> PlanRequest.of("warehouse", true))
                .isInstanceOf(PlanException.class)
                .hasMessage("Give either a connection id or --all, not both");
        assertThat(PlanRequest.of("warehouse", false)).isEqualTo(PlanRequest.connection("warehouse"));
        assertThat(PlanRequest.of(null, true)).isEqualTo(PlanRequest.all());
    }
}
