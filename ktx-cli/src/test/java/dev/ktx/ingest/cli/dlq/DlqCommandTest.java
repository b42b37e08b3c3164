package dev.ktx.ingest.cli.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ktx.ingest.cli.CliRun;
import dev.ktx.ingest.cli.ingest.FakePlanner;
import dev.ktx.ingest.cli.ingest.FakePlanner.Answer;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code ktx dlq list|replay}: what goes to the planner, what is printed, exit codes (docs/cli.md). */
class DlqCommandTest {

    private FakePlanner planner;

    @BeforeEach
    void startPlanner() throws IOException {
        planner = new FakePlanner();
    }

    @AfterEach
    void stopPlanner() {
        planner.close();
    }

    @Test
    void listPrintsACountAndATableOfTheNewestDeadLetters() {
        planner.on("GET", "/api/dlq/ingest.results", Answer.json(200, """
                {"topic":"ktx.ingest.results","dlqTopic":"ktx.ingest.results.dlq","total":7,"records":[
                 {"partition":0,"offset":5,"time":"2026-12-02T06:10:00Z","reason":"unreadable TargetResultMessage:\\n bad","key":"poison","preview":"{not json"},
                 {"partition":0,"offset":6,"time":"2026-12-02T06:11:00Z","reason":"Unable to write command","key":"r1","preview":"{\\"runId\\":\\"r1\\"}","replayedAt":"2026-12-02T06:12:00Z"}]}
                """));

        CliRun run = CliRun.of("dlq", "list", "ingest.results", "--limit", "2", "--planner", planner.url());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("""
                ktx.ingest.results.dlq: 7 dead letters, the newest 2 below (--limit)
                Partition  Offset  Time                  Key     Replayed              Reason                               Value
                0          5       2026-12-02T06:10:00Z  poison  -                     unreadable TargetResultMessage: bad  {not json
                0          6       2026-12-02T06:11:00Z  r1      2026-12-02T06:12:00Z  Unable to write command              {"runId":"r1"}
                """);
        assertThat(planner.received().get(0).query()).isEqualTo("limit=2");
    }

    @Test
    void anEmptyTopicSaysSo() {
        planner.on(
                "GET",
                "/api/dlq/ktx.jobs.source.dlq",
                Answer.json(
                        200,
                        "{\"topic\":\"ktx.jobs.source\",\"dlqTopic\":\"ktx.jobs.source.dlq\",\"total\":0,\"records\":[]}"));

        CliRun run = CliRun.of("dlq", "list", "ktx.jobs.source.dlq", "--planner", planner.url());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("ktx.jobs.source.dlq: no dead letters\n");
    }

    @Test
    void replayOfOneRecordSendsItsPlaceAndSummarizes() {
        planner.on("POST", "/api/dlq/ingest.results/replay", Answer.json(200, """
                {"topic":"ktx.ingest.results","dlqTopic":"ktx.ingest.results.dlq",
                 "replayed":[{"partition":1,"offset":6,"replayedAt":"2026-12-02T06:12:00Z"}],"skipped":[]}
                """));

        CliRun run = CliRun.of(
                "dlq",
                "replay",
                "ingest.results",
                "--offset",
                "6",
                "--partition",
                "1",
                "--token",
                "t",
                "--planner",
                planner.url());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("""
                replayed ktx.ingest.results.dlq partition 1 offset 6 to ktx.ingest.results
                replayed 1, skipped 0
                """);
        FakePlanner.Received sent = planner.received().get(0);
        assertThat(sent.body()).isEqualTo("{\"offset\":6,\"partition\":1,\"all\":null,\"force\":false}");
        assertThat(sent.authorization()).isEqualTo("Bearer t");
    }

    @Test
    void replayOfAllWithForceListsWhatWasPassedOver() {
        planner.on("POST", "/api/dlq/jobs.source/replay", Answer.json(200, """
                {"topic":"ktx.jobs.source","dlqTopic":"ktx.jobs.source.dlq",
                 "replayed":[{"partition":0,"offset":2,"replayedAt":"2026-12-02T06:12:00Z"}],
                 "skipped":[{"partition":0,"offset":1,"replayedAt":"2026-12-01T10:00:00Z"}]}
                """));

        CliRun run = CliRun.of("dlq", "replay", "jobs.source", "--all", "--planner", planner.url());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("""
                replayed ktx.jobs.source.dlq partition 0 offset 2 to ktx.jobs.source
                skipped ktx.jobs.source.dlq partition 0 offset 1: already replayed at 2026-12-01T10:00:00Z (--force replays it again)
                replayed 1, skipped 1
                """);
        assertThat(planner.received().get(0).body())
                .isEqualTo("{\"offset\":null,\"partition\":null,\"all\":true,\"force\":false}");
    }

    @Test
    void aRefusedReplayPrintsTheProblemAndExits2() {
        String refused = "ktx.ingest.results.dlq partition 0 offset 6 was already replayed at 2026-12-02T06:12:00Z;"
                + " replay it again with force (ktx dlq replay --force)";
        planner.on(
                "POST",
                "/api/dlq/ingest.results/replay",
                new Answer(
                        409,
                        "application/problem+json",
                        "{\"title\":\"already replayed\",\"status\":409,\"detail\":\"" + refused + "\",\"errors\":[\""
                                + refused + "\"]}"));

        CliRun run = CliRun.of("dlq", "replay", "ingest.results", "--offset", "6", "--planner", planner.url());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo(refused + "\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anUnknownTopicIsTheProblemThePlannerNames() {
        planner.on(
                "GET",
                "/api/dlq/nope",
                new Answer(
                        400,
                        "application/problem+json",
                        "{\"title\":\"invalid request\",\"status\":400,\"errors\":[\"topic: unknown topic nope; one of ingest.requests\"]}"));

        CliRun run = CliRun.of("dlq", "list", "nope", "--planner", planner.url());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("topic: unknown topic nope; one of ingest.requests\n");
    }

    @Test
    void replayNeedsExactlyOneOfOffsetAndAll() {
        assertThat(CliRun.of("dlq", "replay", "ingest.results", "--planner", planner.url())
                        .exitCode())
                .isEqualTo(2);
        CliRun both =
                CliRun.of("dlq", "replay", "ingest.results", "--all", "--offset", "1", "--planner", planner.url());
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");
        assertThat(CliRun.of("dlq", "replay", "ingest.results", "--partition", "1", "--planner", planner.url())
                        .exitCode())
                .isEqualTo(2);
        assertThat(planner.received()).isEmpty();
    }
}
