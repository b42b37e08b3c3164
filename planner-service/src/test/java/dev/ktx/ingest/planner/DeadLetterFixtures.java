package dev.ktx.ingest.planner;

import static dev.ktx.ingest.planner.PlannerFixtures.await;
import static dev.ktx.ingest.planner.PlannerFixtures.project;
import static dev.ktx.ingest.planner.PlannerFixtures.result;
import static io.restassured.RestAssured.given;

import dev.ktx.ingest.core.config.Driver;
import dev.ktx.ingest.core.plan.Operation;
import dev.ktx.ingest.core.plan.StepStatus;
import dev.ktx.ingest.testinfra.TopicProbe;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;

/** Runs and dead letters shared by the dead-letter tests over REST and through {@code ktx dlq}. */
final class DeadLetterFixtures {

    private DeadLetterFixtures() {}

    /** Starts a run of one database target, {@code warehouse}; returns its id. */
    static String startRun() throws Exception {
        return given().contentType(ContentType.JSON)
                .body("{\"projectDir\":\"" + project("connections:\n  warehouse: { driver: postgres, url: env:W }\n")
                        + "\",\"all\":true}")
                .when()
                .post("/api/ingests")
                .then()
                .statusCode(202)
                .extract()
                .path("runId");
    }

    /**
     * The warehouse's result of the run, as the planner would have dead-lettered it while a passing cause (Redis
     * down) held, keyed by run, with a header of its own; the cause is gone now.
     */
    static void deadLetteredResult(String runId) {
        TopicProbe.send(
                "ktx.ingest.results.dlq",
                runId,
                result(runId, "warehouse", Driver.POSTGRES, Operation.DATABASE_INGEST, StepStatus.DONE),
                Map.of(
                        "dead-letter-reason",
                        "Unable to write command into connection!",
                        "dead-letter-topic",
                        "ktx.ingest.results",
                        "trace-id",
                        "t-1"));
    }

    /** Polls the listing of the topic's dead letters until one with {@code key} is there; returns the last such. */
    static Map<String, Object> awaitDeadLetter(String topic, String key) throws InterruptedException {
        List<Map<String, Object>> records = await(
                () -> given().when()
                        .get("/api/dlq/" + topic + "?limit=1000")
                        .then()
                        .statusCode(200)
                        .extract()
                        .<List<Map<String, Object>>>path("records"),
                list -> list.stream().anyMatch(record -> key.equals(record.get("key"))),
                "a dead letter keyed " + key);
        return records.stream()
                .filter(record -> key.equals(record.get("key")))
                .reduce((a, b) -> b)
                .orElseThrow();
    }
}
