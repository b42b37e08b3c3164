package dev.ktx.ingest.planner;

import static dev.ktx.ingest.planner.PlannerFixtures.WAIT;
import static dev.ktx.ingest.planner.PlannerFixtures.project;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.ktx.ingest.core.messaging.IngestRequestMessage;
import dev.ktx.ingest.core.messaging.MessageCodec;
import dev.ktx.ingest.core.messaging.ProjectRef;
import dev.ktx.ingest.core.messaging.TargetJobMessage;
import dev.ktx.ingest.testinfra.KafkaTestResource;
import dev.ktx.ingest.testinfra.RedisTestResource;
import dev.ktx.ingest.testinfra.TopicProbe;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Starting a run is idempotent over REST ({@code Idempotency-Key}), on {@code ingest.requests} ({@code requestId})
 * and on {@code upstream.events} (CloudEvent {@code source} + {@code id}). Each duplicate is followed by a start for
 * another project on the same partitions: once that one's database job is out, the duplicate's would be too.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(RedisTestResource.class)
class IdempotentStartIT {

    /** No debounce: each CloudEvent starts its run at once. */
    private static final String KTX_YAML =
            "connections:\n  warehouse: { driver: postgres, url: env:WAREHOUSE_URL }\ningest: { debounce: 0s }\n";

    @Test
    void theSameIdempotencyKeyAnswersTheFirstRunAndStartsNothing() throws Exception {
        Path project = project(KTX_YAML);
        try (TopicProbe databaseJobs = new TopicProbe("ktx.jobs.database")) {
            String first = post(project, "key-1");
            String again = post(project, "key-1");
            String other = post(project, "key-2");

            assertThat(again).isEqualTo(first);
            assertThat(other).isNotEqualTo(first);
            databaseJobs
                    .awaitMatching(record -> job(record).runId().equals(other), WAIT)
                    .orElseThrow();
            assertThat(jobsForProject(databaseJobs, project))
                    .extracting(TargetJobMessage::runId)
                    .containsExactly(first, other);
        }
    }

    @Test
    void anOverlongIdempotencyKeyIsRejected() throws Exception {
        Path project = project(KTX_YAML);
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", "k".repeat(256))
                .body("{\"projectDir\":\"" + project + "\",\"all\":true}")
                .when()
                .post("/api/ingests")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("Idempotency-Key: 1 to 255 characters"));
    }

    @Test
    void theSameRequestIdStartsOneRun() throws Exception {
        startsOneRun(
                project -> {
                    String request = MessageCodec.write(
                            IngestRequestMessage.of(new ProjectRef("acme.git", project.toString()), null, true)
                                    .withRequestId("request-1"));
                    TopicProbe.send("ktx.ingest.requests", "test", request);
                    TopicProbe.send("ktx.ingest.requests", "test", request);
                },
                sentinel -> TopicProbe.send(
                        "ktx.ingest.requests",
                        "test",
                        MessageCodec.write(
                                IngestRequestMessage.of(new ProjectRef("acme.git", sentinel.toString()), null, true)
                                        .withRequestId("request-1"))));
    }

    @Test
    void theSameCloudEventStartsOneRun() throws Exception {
        startsOneRun(
                project -> {
                    TopicProbe.send("ktx.upstream.events", "test", cloudEvent("event-1", project));
                    TopicProbe.send("ktx.upstream.events", "test", cloudEvent("event-1", project));
                },
                sentinel -> TopicProbe.send("ktx.upstream.events", "test", cloudEvent("event-2", sentinel)));
    }

    /** Sends the duplicates for one project, then a start for a sentinel project, and counts the first one's runs. */
    private static void startsOneRun(Consumer<Path> duplicates, Consumer<Path> thenSentinel) throws Exception {
        Path project = project(KTX_YAML);
        Path sentinel = project(KTX_YAML);
        try (TopicProbe databaseJobs = new TopicProbe("ktx.jobs.database")) {
            duplicates.accept(project);
            thenSentinel.accept(sentinel);

            databaseJobs
                    .awaitMatching(record -> job(record).project().projectDir().equals(sentinel.toString()), WAIT)
                    .orElseThrow();
            assertThat(jobsForProject(databaseJobs, project)).hasSize(1);
        }
    }

    private static String post(Path project, String idempotencyKey) {
        return given().contentType(ContentType.JSON)
                .header("Idempotency-Key", idempotencyKey)
                .body("{\"projectDir\":\"" + project + "\",\"all\":true}")
                .when()
                .post("/api/ingests")
                .then()
                .statusCode(202)
                .extract()
                .path("runId");
    }

    private static String cloudEvent(String id, Path project) {
        return """
                {"specversion":"1.0","id":"%s","source":"/tests/idempotent-start","type":"ktx.ingest.requested",
                 "data":{"project":{"projectId":"acme.git","projectDir":"%s"},"all":true}}""".formatted(id, project);
    }

    private static List<TargetJobMessage> jobsForProject(TopicProbe jobs, Path project) {
        return jobs.await(0, WAIT).stream()
                .map(IdempotentStartIT::job)
                .filter(job -> job.project().projectDir().equals(project.toString()))
                .toList();
    }

    private static TargetJobMessage job(ConsumerRecord<String, String> record) {
        return MessageCodec.read(record.value(), TargetJobMessage.class);
    }
}
