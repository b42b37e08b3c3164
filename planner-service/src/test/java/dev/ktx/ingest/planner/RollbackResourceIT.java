package dev.ktx.ingest.planner;

import static dev.ktx.ingest.planner.PlannerFixtures.WAIT;
import static dev.ktx.ingest.planner.PlannerFixtures.await;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.ktx.ingest.core.messaging.MessageCodec;
import dev.ktx.ingest.core.messaging.RollbackRequestMessage;
import dev.ktx.ingest.core.trace.TraceJson;
import dev.ktx.ingest.core.window.RollbackOutcome;
import dev.ktx.ingest.core.window.RollbackRequest;
import dev.ktx.ingest.core.window.RollbackTrace;
import dev.ktx.ingest.testinfra.KafkaTestResource;
import dev.ktx.ingest.testinfra.RedisTestResource;
import dev.ktx.ingest.testinfra.TopicProbe;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The planner's half of a rollback over a real broker and Redis: the request goes to the finalizer on
 * {@code rollback.requests}, the outcome the finalizer traces is kept and answered; bad input is a 400 naming the field.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(RedisTestResource.class)
class RollbackResourceIT {

    @Test
    void requestIsPublishedAndTheFinalizersOutcomeIsAnswered() throws Exception {
        Path project = PlannerFixtures.project("connections: {}\n");
        String runId = "20261202-rollback-" + System.nanoTime();
        try (TopicProbe requests = new TopicProbe("ktx.rollback.requests")) {
            JsonPath accepted = given().contentType(ContentType.JSON)
                    .body("{\"projectDir\":\"" + project + "\",\"force\":true}")
                    .when()
                    .post("/api/ingests/" + runId + "/rollback")
                    .then()
                    .statusCode(202)
                    .body("status", equalTo("pending"))
                    .extract()
                    .jsonPath();
            String rollbackId = accepted.getString("rollbackId");

            RollbackRequestMessage sent = requests.awaitMatching(r -> r.value().contains(rollbackId), WAIT)
                    .map(r -> MessageCodec.read(r.value(), RollbackRequestMessage.class))
                    .orElseThrow();
            assertThat(sent.runId()).isEqualTo(runId);
            assertThat(sent.force()).isTrue();
            assertThat(sent.project().projectDir()).isEqualTo(project.toString());

            RollbackOutcome refused = new RollbackOutcome(
                    RollbackOutcome.Status.REFUSED,
                    java.util.Optional.empty(),
                    "rollback of " + runId + " blocked: later commits changed wiki/global/a.md",
                    java.util.List.of("wiki/global/a.md"));
            TopicProbe.send(
                    "ktx.ingest.traces",
                    runId,
                    TraceJson.toLine(
                            RollbackTrace.event(new RollbackRequest(runId, rollbackId, true), refused, Instant.now())));

            JsonPath outcome = await(
                    () -> given().when()
                            .get("/api/ingests/" + runId + "/rollback/" + rollbackId)
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath(),
                    json -> !"pending".equals(json.getString("status")),
                    "rollback");
            assertThat(outcome.getString("status")).isEqualTo("refused");
            assertThat(outcome.getString("message")).isEqualTo(refused.message());
            assertThat(outcome.getList("paths")).containsExactly("wiki/global/a.md");
            assertThat(outcome.getBoolean("force")).isTrue();
        }
    }

    @Test
    void badInputIsABadRequestNamingTheField() throws Exception {
        Path notARepo = PlannerFixtures.directoryInRoot("planner-test");
        given().contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/api/ingests/run-1/rollback")
                .then()
                .statusCode(400)
                .body("detail", equalTo("projectDir: required"));
        given().contentType(ContentType.JSON)
                .body("{\"projectDir\":\"" + notARepo + "\"}")
                .when()
                .post("/api/ingests/run-1/rollback")
                .then()
                .statusCode(400)
                .body("detail", equalTo("projectDir: not a git repository: " + notARepo));
        given().contentType(ContentType.JSON)
                .body("{\"projectDir\":\"" + PlannerFixtures.project("connections: {}\n") + "\"}")
                .when()
                .post("/api/ingests/-main.lock/rollback")
                .then()
                .statusCode(400)
                .body("detail", equalTo("runId: not a run id: -main.lock"));
        given().when().get("/api/ingests/run-1/rollback/no-such-id").then().statusCode(404);
    }
}
