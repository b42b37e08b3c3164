package dev.ktx.ingest.core.plan;

import static dev.ktx.ingest.core.plan.PlanFixtures.target;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ktx.ingest.core.config.Driver;
import dev.ktx.ingest.core.plan.RunDeadlines.TargetStates;
import dev.ktx.ingest.core.plan.RunDeadlines.TimedOut;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class RunDeadlinesTest {

    private static final Plan PLAN = new Plan(List.of(
            target("archive", Driver.POSTGRES, Operation.DATABASE_INGEST),
            target("warehouse", Driver.POSTGRES, Operation.DATABASE_INGEST),
            target("analytics_dbt", Driver.DBT, Operation.SOURCE_INGEST),
            target("docs", Driver.NOTION, Operation.SOURCE_INGEST)));
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final RunDeadlines DEADLINES = new RunDeadlines(Duration.ofHours(2), Duration.ofMinutes(10));

    @Test
    void aStartedTargetSilentLongerThanTheLimitTimesOutNamingItsLastPhase() {
        Map<String, TargetSighting> seen =
                Map.of("archive", seen(2, "database-ingest"), "warehouse", seen(0, "queued"));

        assertThat(timedOut(11, Set.of(), Set.of(), Set.of(), seen)).isEmpty();
        assertThat(timedOut(13, Set.of(), Set.of(), Set.of(), seen))
                .extracting(TimedOut::detail)
                .containsExactly(
                        "target timed out after 10m (last seen: database-ingest)",
                        "target timed out after 10m (last seen: queued)");
    }

    @Test
    void aDatabaseTargetWaitingForItsTurnIsAliveAsLongAsTheOnesBeforeIt() {
        Map<String, TargetSighting> seen = Map.of("archive", seen(30, "final_window"), "warehouse", seen(0, "queued"));

        assertThat(timedOut(35, Set.of("archive"), Set.of(), Set.of(), seen)).isEmpty();
        assertThat(timedOut(41, Set.of("archive"), Set.of(), Set.of(), seen))
                .extracting(t -> t.target().connectionId(), TimedOut::lastPhase)
                .containsExactly(Tuple.tuple("warehouse", "queued"));
    }

    @Test
    void aSourceTargetCountsOnlyOnceReleased() {
        Set<String> databases = Set.of("archive", "warehouse");
        Map<String, TargetSighting> seen = Map.of("docs", seen(50, "queued"));

        assertThat(timedOut(59, databases, Set.of("docs"), Set.of(), seen)).isEmpty();
        assertThat(timedOut(61, databases, Set.of("docs"), Set.of(), seen))
                .extracting(t -> t.target().connectionId())
                .containsExactly("docs");
    }

    @Test
    void aParkedTargetIsNotSilentButStillMeetsTheRunTimeout() {
        Set<String> finished = Set.of("archive", "warehouse", "analytics_dbt");
        Map<String, TargetSighting> seen = Map.of("docs", seen(5, "final_window"));

        assertThat(timedOut(100, finished, Set.of("analytics_dbt", "docs"), Set.of("docs"), seen))
                .isEmpty();
        assertThat(timedOut(121, finished, Set.of("analytics_dbt", "docs"), Set.of("docs"), seen))
                .extracting(TimedOut::detail)
                .containsExactly("target timed out after 2h (last seen: final_window)");
    }

    @Test
    void afterTheRunTimeoutEveryUnfinishedTargetTimesOutEvenIfSeenJustNow() {
        Map<String, TargetSighting> seen = Map.of("warehouse", seen(120, "database-ingest"));

        List<TimedOut> timedOut = timedOut(121, Set.of("archive"), Set.of(), Set.of(), seen);

        assertThat(timedOut)
                .extracting(t -> t.target().connectionId())
                .containsExactly("warehouse", "analytics_dbt", "docs");
        assertThat(timedOut)
                .extracting(TimedOut::detail)
                .containsExactly(
                        "target timed out after 2h (last seen: database-ingest)",
                        "target timed out after 2h (last seen: not released)",
                        "target timed out after 2h (last seen: not released)");
    }

    @Test
    void silenceCountsOnlyFromWhenTheWatcherStarted() {
        Map<String, TargetSighting> seen = Map.of("archive", seen(1, "database-ingest"));
        TargetStates states = new TargetStates(Set.of(), Set.of(), Set.of(), seen);

        assertThat(DEADLINES.timedOut(
                        PLAN, START, START.plus(Duration.ofMinutes(30)), START.plus(Duration.ofMinutes(35)), states))
                .isEmpty();
        assertThat(DEADLINES.timedOut(
                        PLAN, START, START.plus(Duration.ofMinutes(30)), START.plus(Duration.ofMinutes(41)), states))
                .extracting(t -> t.target().connectionId())
                .containsExactly("archive", "warehouse");
    }

    @Test
    void aTimedOutTargetFailsInItsFirstStep() {
        TargetResult result = new TimedOut(PLAN.targets().get(0), Duration.ofMinutes(10), "queued").result();

        assertThat(result.steps())
                .containsExactly(
                        new StepResult(
                                Step.DATABASE_SCHEMA,
                                StepStatus.FAILED,
                                "target timed out after 10m (last seen: queued)"),
                        StepResult.notRun(Step.QUERY_HISTORY));
    }

    private static List<TimedOut> timedOut(
            int minutes,
            Set<String> finished,
            Set<String> released,
            Set<String> parked,
            Map<String, TargetSighting> seen) {
        return DEADLINES.timedOut(
                PLAN,
                START,
                START,
                START.plus(Duration.ofMinutes(minutes)),
                new TargetStates(finished, released, parked, seen));
    }

    private static TargetSighting seen(int minutes, String phase) {
        return new TargetSighting(START.plus(Duration.ofMinutes(minutes)), phase);
    }
}
