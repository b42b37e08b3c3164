package dev.ktx.ingest.planner;

import static dev.ktx.ingest.planner.DeadLetterFixtures.awaitDeadLetter;
import static dev.ktx.ingest.planner.DeadLetterFixtures.deadLetteredResult;
import static dev.ktx.ingest.planner.DeadLetterFixtures.startRun;
import static dev.ktx.ingest.planner.PlannerFixtures.WAIT;
import static dev.ktx.ingest.planner.PlannerFixtures.await;
import static dev.ktx.ingest.planner.PlannerFixtures.awaitFinished;
import static dev.ktx.ingest.planner.PlannerFixtures.jobsOf;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.ktx.ingest.testinfra.KafkaTestResource;
import dev.ktx.ingest.testinfra.RedisTestResource;
import dev.ktx.ingest.testinfra.TopicProbe;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Dead letters over a real broker and Redis: a poison message the planner dead-lettered is listed with its reason; a
 * dead letter whose cause is gone is replayed to its source topic and handled once; a second replay is refused unless
 * forced; {@code all} passes over what was replayed before.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(RedisTestResource.class)
class DlqResourceIT {

    @Test
    void aPoisonMessageIsListedWithItsReason() throws Exception {
        String key = "poison-" + UUID.randomUUID();
        TopicProbe.send("ktx.ingest.results", key, "{not json\n  at all");

        Map<String, Object> dead = awaitDeadLetter("ingest.results", key);

        assertThat((String) dead.get("reason")).startsWith("unreadable TargetResultMessage");
        assertThat(dead.get("preview")).isEqualTo("{not json at all");
        assertThat(dead.get("time")).isNotNull();
        given().when()
                .get("/api/dlq/ktx.ingest.results.dlq")
                .then()
                .statusCode(200)
                .body("topic", equalTo("ktx.ingest.results"))
                .body("dlqTopic", equalTo("ktx.ingest.results.dlq"));
    }

    @Test
    void aReplayedResultIsHandledOnceAndASecondReplayIsRefusedUnlessForced() throws Exception {
        String runId = startRun();
        try (TopicProbe databaseJobs = new TopicProbe("ktx.jobs.database");
                TopicProbe results = new TopicProbe("ktx.ingest.results")) {
            assertThat(jobsOf(databaseJobs, runId, 1, WAIT)).hasSize(1);
            deadLetteredResult(runId);
            Map<String, Object> dead = awaitDeadLetter("ingest.results", runId);
            String replay = "{\"offset\":" + dead.get("offset") + ",\"partition\":" + dead.get("partition") + "}";

            given().contentType(ContentType.JSON)
                    .body(replay)
                    .when()
                    .post("/api/dlq/ingest.results/replay")
                    .then()
                    .statusCode(200)
                    .body("replayed.offset", equalTo(List.of(dead.get("offset"))));

            JsonPath run = awaitFinished(runId);
            assertThat(run.getInt("exitCode")).isZero();
            assertThat(run.getList("results.connectionId")).containsExactly("warehouse");
            ConsumerRecord<String, String> republished =
                    results.awaitMatching(r -> runId.equals(r.key()), WAIT).orElseThrow();
            assertThat(header(republished, "trace-id")).isEqualTo("t-1");
            assertThat(republished.headers().lastHeader("dead-letter-reason")).isNull();

            String record =
                    "ktx.ingest.results.dlq partition " + dead.get("partition") + " offset " + dead.get("offset");
            given().contentType(ContentType.JSON)
                    .body(replay)
                    .when()
                    .post("/api/dlq/ingest.results/replay")
                    .then()
                    .statusCode(409)
                    .contentType("application/problem+json")
                    .body("detail", startsWith(record + " was already replayed at "));
            assertThat(awaitDeadLetter("ingest.results", runId).get("replayedAt"))
                    .isNotNull();

            given().contentType(ContentType.JSON)
                    .body(replay.replace("}", ",\"force\":true}"))
                    .when()
                    .post("/api/dlq/ingest.results/replay")
                    .then()
                    .statusCode(200);
            assertThat(await(
                            () -> results.await(Integer.MAX_VALUE, Duration.ofMillis(200)).stream()
                                    .filter(r -> runId.equals(r.key()))
                                    .count(),
                            count -> count == 2,
                            "the forced replay"))
                    .isEqualTo(2);
            assertThat(awaitFinished(runId).getList("results.connectionId"))
                    .as("a duplicate changes nothing")
                    .containsExactly("warehouse");
        }
    }

    @Test
    void allReplaysEveryDeadLetterOnceAndPassesOverThoseReplayedBefore() throws Exception {
        String key = "job-" + UUID.randomUUID();
        String runId = startRun();
        try (TopicProbe jobs = new TopicProbe("ktx.jobs.database")) {
            // a database worker's dead letters: the run's job, twice (other tests read this topic's jobs)
            String job = jobs.awaitMatching(r -> r.value().contains(runId), WAIT)
                    .orElseThrow()
                    .value();
            TopicProbe.send("ktx.jobs.database.dlq", key, job, Map.of("dead-letter-reason", "r1"));
            TopicProbe.send("ktx.jobs.database.dlq", key, job, Map.of("dead-letter-reason", "r2"));
            awaitDeadLetter("jobs.database", key);

            List<Integer> first = given().contentType(ContentType.JSON)
                    .body("{\"all\":true}")
                    .when()
                    .post("/api/dlq/jobs.database/replay")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("replayed.offset");
            assertThat(jobs.await(Integer.MAX_VALUE, Duration.ofSeconds(2)).stream()
                            .filter(r -> key.equals(r.key()))
                            .map(ConsumerRecord::value))
                    .containsExactly(job, job);

            given().contentType(ContentType.JSON)
                    .body("{\"all\":true}")
                    .when()
                    .post("/api/dlq/ktx.jobs.database.dlq/replay")
                    .then()
                    .statusCode(200)
                    .body("replayed", equalTo(List.of()))
                    .body("skipped.offset", equalTo(first));
        }
    }

    @Test
    void badInputIsA400NamingTheField() {
        given().when()
                .get("/api/dlq/jobs.nope")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", startsWith("topic: unknown topic jobs.nope; one of ingest.requests, upstream.events"));
        given().when()
                .get("/api/dlq/ingest.results?limit=0")
                .then()
                .statusCode(400)
                .body("detail", equalTo("limit: 1 to 1000"));
        given().contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/api/dlq/ingest.results/replay")
                .then()
                .statusCode(400)
                .body("detail", equalTo("offset/all: give either offset or all=true"));
        given().contentType(ContentType.JSON)
                .body("{\"all\":true,\"partition\":0}")
                .when()
                .post("/api/dlq/ingest.results/replay")
                .then()
                .statusCode(400)
                .body("detail", equalTo("partition: only with offset"));
        given().contentType(ContentType.JSON)
                .body("{\"offset\":99999999}")
                .when()
                .post("/api/dlq/ingest.stages/replay")
                .then()
                .statusCode(400)
                .body("detail", startsWith("offset: "));
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
