package dev.ktx.ingest.planner.restore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ktx.ingest.core.config.Driver;
import dev.ktx.ingest.core.git.Sentinel;
import dev.ktx.ingest.core.plan.Operation;
import dev.ktx.ingest.core.plan.PlanTarget;
import dev.ktx.ingest.core.plan.PlannedStep;
import dev.ktx.ingest.core.plan.Step;
import dev.ktx.ingest.core.plan.StepResult;
import dev.ktx.ingest.core.plan.StepStatus;
import dev.ktx.ingest.core.plan.TargetResult;
import dev.ktx.ingest.core.plan.TargetResults;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TargetRecoveryTest {

    private static final PlanTarget WAREHOUSE = new PlanTarget(
            "warehouse",
            Driver.POSTGRES,
            Operation.DATABASE_INGEST,
            List.of(new PlannedStep(Step.DATABASE_SCHEMA, true), new PlannedStep(Step.QUERY_HISTORY, false)));
    private static final Sentinel CRASH = new Sentinel(Sentinel.Outcome.crash, Instant.EPOCH, "abc", null, "boom");
    private static final String SQUASH = "0123456789abcdef0123456789abcdef01234567";

    @Test
    void aSquashOnMainIsALandedTargetWhateverElseIsLeft() {
        TargetRecovery recovery = TargetRecovery.of(
                WAREHOUSE, Optional.empty(), Optional.of(SQUASH), Optional.of(CRASH), Optional.of("{}"), true, true);

        assertThat(recovery)
                .isEqualTo(new TargetRecovery.Known(new TargetResult(
                        "warehouse",
                        Driver.POSTGRES,
                        Operation.DATABASE_INGEST,
                        List.of(
                                new StepResult(
                                        Step.DATABASE_SCHEMA, StepStatus.DONE, "restored: landed on main as 0123456"),
                                new StepResult(Step.QUERY_HISTORY, StepStatus.SKIPPED, "disabled")))));
        assertThat(recovery.label()).isEqualTo("landed");
    }

    @Test
    void aSentinelIsAFailedTargetWithItsError() {
        TargetRecovery recovery = TargetRecovery.of(
                WAREHOUSE, Optional.empty(), Optional.empty(), Optional.of(CRASH), Optional.of("{}"), true, true);

        assertThat(((TargetRecovery.Known) recovery).result().failure())
                .contains(new StepResult(Step.DATABASE_SCHEMA, StepStatus.FAILED, "boom"));
        assertThat(recovery.label()).isEqualTo("failed");
    }

    @Test
    void aHandOffIsFinalizedAgainWithTheRecordedRequest() {
        assertThat(TargetRecovery.of(
                        WAREHOUSE,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of("{\"r\":1}"),
                        true,
                        true))
                .isEqualTo(new TargetRecovery.FinalizeAgain("{\"r\":1}"));
    }

    @Test
    void aPublishedResultComesFirst() {
        TargetResult failed = TargetResults.failed(WAREHOUSE, "boom");

        assertThat(TargetRecovery.of(
                        WAREHOUSE,
                        Optional.of(failed),
                        Optional.of(SQUASH),
                        Optional.empty(),
                        Optional.empty(),
                        true,
                        true))
                .isEqualTo(new TargetRecovery.Known(failed));
    }

    @Test
    void aSessionOrAPublishedJobIsInFlightAndASourceWithNeitherWasNeverReleased() {
        assertThat(TargetRecovery.of(
                        WAREHOUSE, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), true, false))
                .isInstanceOf(TargetRecovery.InFlight.class);
        assertThat(TargetRecovery.of(
                        WAREHOUSE, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false, true))
                .isInstanceOf(TargetRecovery.InFlight.class);
        assertThat(TargetRecovery.of(
                        WAREHOUSE,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        false,
                        false))
                .isInstanceOf(TargetRecovery.NotReleased.class);
    }
}
