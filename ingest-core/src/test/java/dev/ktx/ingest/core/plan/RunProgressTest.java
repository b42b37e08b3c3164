package dev.ktx.ingest.core.plan;

import static dev.ktx.ingest.core.plan.PlanFixtures.target;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ktx.ingest.core.config.Driver;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RunProgressTest {

    private static final Plan PLAN = new Plan(List.of(
            target("warehouse", Driver.POSTGRES, Operation.DATABASE_INGEST),
            target("analytics_dbt", Driver.DBT, Operation.SOURCE_INGEST),
            target("docs", Driver.NOTION, Operation.SOURCE_INGEST),
            target("prod_metabase", Driver.METABASE, Operation.SOURCE_INGEST)));

    @Test
    void databaseStageCompletesWhenEveryDatabaseTargetIsFinal() {
        assertThat(progress(Set.of(), Set.of(), 2).databaseStageComplete()).isFalse();
        assertThat(progress(Set.of("warehouse"), Set.of(), 2).databaseStageComplete())
                .isTrue();
        assertThat(new RunProgress(new Plan(List.of(PLAN.targets().get(1))), Set.of(), Set.of(), Set.of(), 1)
                        .databaseStageComplete())
                .isTrue();
    }

    @Test
    void releasesSourcesInPlanOrderUpToTheCap() {
        assertThat(progress(Set.of("warehouse"), Set.of(), 2).sourcesToRelease())
                .extracting(PlanTarget::connectionId)
                .containsExactly("analytics_dbt", "docs");
        assertThat(progress(Set.of("warehouse"), Set.of("analytics_dbt", "docs"), 2)
                        .sourcesToRelease())
                .isEmpty();
        assertThat(progress(Set.of("warehouse", "docs"), Set.of("analytics_dbt", "docs"), 2)
                        .sourcesToRelease())
                .extracting(PlanTarget::connectionId)
                .containsExactly("prod_metabase");
        assertThat(progress(Set.of("warehouse"), Set.of(), 4).sourcesToRelease())
                .hasSize(3);
    }

    @Test
    void aSourceWithAResultIsNeverReleasedAgainEvenIfItsReleaseWasNotRecorded() {
        // A run restored after Redis lost its state knows results from the repository, not which jobs were published.
        assertThat(progress(Set.of("warehouse", "analytics_dbt"), Set.of(), 2).sourcesToRelease())
                .extracting(PlanTarget::connectionId)
                .containsExactly("docs", "prod_metabase");
    }

    @Test
    void aParkedSessionFreesItsSlotSoThePeersItWaitsForCanStart() {
        RunProgress docsParked = new RunProgress(PLAN, Set.of("warehouse"), Set.of("docs"), Set.of("docs"), 1);

        assertThat(docsParked.sourcesToRelease())
                .extracting(PlanTarget::connectionId)
                .containsExactly("analytics_dbt");
        assertThat(docsParked.runComplete()).isFalse();
    }

    @Test
    void runCompletesWhenEveryTargetIsFinal() {
        assertThat(progress(Set.of("warehouse", "analytics_dbt", "docs"), Set.of(), 4)
                        .runComplete())
                .isFalse();
        assertThat(progress(Set.of("warehouse", "analytics_dbt", "docs", "prod_metabase"), Set.of(), 4)
                        .runComplete())
                .isTrue();
    }

    private static RunProgress progress(Set<String> finished, Set<String> released, int max) {
        return new RunProgress(PLAN, finished, released, Set.of(), max);
    }
}
