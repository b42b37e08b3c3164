package dev.ktx.ingest.planner;

import static dev.ktx.ingest.planner.DeadLetterFixtures.awaitDeadLetter;
import static dev.ktx.ingest.planner.DeadLetterFixtures.deadLetteredResult;
import static dev.ktx.ingest.planner.DeadLetterFixtures.startRun;
import static dev.ktx.ingest.planner.PlannerFixtures.WAIT;
import static dev.ktx.ingest.planner.PlannerFixtures.awaitFinished;
import static dev.ktx.ingest.planner.PlannerFixtures.jobsOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ktx.ingest.cli.CliEnvironment;
import dev.ktx.ingest.cli.Ktx;
import dev.ktx.ingest.testinfra.KafkaTestResource;
import dev.ktx.ingest.testinfra.RedisTestResource;
import dev.ktx.ingest.testinfra.TopicProbe;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code ktx dlq list|replay} against this planner over a real broker and Redis: a poison message is listed with its
 * reason; after its cause is gone a dead-lettered result is replayed and handled once; a second replay is refused
 * (exit code 2) unless {@code --force}.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(RedisTestResource.class)
class DlqCliIT {

    private record Cli(int exitCode, String out, String err) {}

    @Test
    void aPoisonMessageIsListedWithItsReason() throws Exception {
        String key = "poison-" + UUID.randomUUID();
        TopicProbe.send("ktx.ingest.results", key, "{not json");
        awaitDeadLetter("ingest.results", key);

        Cli list = ktx("dlq", "list", "ktx.ingest.results.dlq", "--limit", "1000");

        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).startsWith("ktx.ingest.results.dlq: ").contains("Partition  Offset  Time");
        assertThat(list.out().lines().filter(line -> line.contains(key)))
                .singleElement()
                .asString()
                .contains("unreadable TargetResultMessage")
                .endsWith("{not json");
    }

    @Test
    void aReplayedResultIsHandledOnceAndASecondReplayIsRefusedUnlessForced() throws Exception {
        String runId = startRun();
        try (TopicProbe databaseJobs = new TopicProbe("ktx.jobs.database")) {
            assertThat(jobsOf(databaseJobs, runId, 1, WAIT)).hasSize(1);
        }
        deadLetteredResult(runId);
        Map<String, Object> dead = awaitDeadLetter("ingest.results", runId);
        String record = "ktx.ingest.results.dlq partition " + dead.get("partition") + " offset " + dead.get("offset");
        String[] replay = {"dlq", "replay", "ingest.results", "--offset", String.valueOf(dead.get("offset"))};

        Cli first = ktx(replay);
        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).isEqualTo("replayed " + record + " to ktx.ingest.results\nreplayed 1, skipped 0\n");
        JsonPath run = awaitFinished(runId);
        assertThat(run.getInt("exitCode")).isZero();
        assertThat(run.getList("results.connectionId")).containsExactly("warehouse");

        Cli second = ktx(replay);
        assertThat(second.exitCode()).isEqualTo(2);
        assertThat(second.err())
                .startsWith(record + " was already replayed at ")
                .endsWith("(ktx dlq replay --force)\n");

        Cli forced = ktx(replay[0], replay[1], replay[2], replay[3], replay[4], "--force");
        assertThat(forced.exitCode()).isZero();
        assertThat(forced.out()).endsWith("replayed 1, skipped 0\n");
    }

    /** The CLI in-process, talking to this planner. */
    private static Cli ktx(String... args) {
        String[] withPlanner = Stream.concat(
                        Arrays.stream(args), Stream.of("--planner", RestAssured.baseURI + ":" + RestAssured.port))
                .toArray(String[]::new);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Ktx.execute(
                new CliEnvironment(Map.of(), Clock.systemUTC(), Path.of("does-not-exist")),
                new PrintWriter(out),
                new PrintWriter(err),
                withPlanner);
        return new Cli(exitCode, out.toString(), err.toString());
    }
}
