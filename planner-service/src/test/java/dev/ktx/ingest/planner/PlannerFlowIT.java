package dev.ktx.ingest.planner;

import static dev.ktx.ingest.planner.PlannerFixtures.WAIT;
import static dev.ktx.ingest.planner.PlannerFixtures.awaitFinished;
import static dev.ktx.ingest.planner.PlannerFixtures.jobsOf;
import static dev.ktx.ingest.planner.PlannerFixtures.project;
import static dev.ktx.ingest.planner.PlannerFixtures.report;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.ktx.ingest.core.config.Driver;
import dev.ktx.ingest.core.messaging.MessageCodec;
import dev.ktx.ingest.core.messaging.StageEventMessage;
import dev.ktx.ingest.core.messaging.TargetJobMessage;
import dev.ktx.ingest.core.plan.Operation;
import dev.ktx.ingest.core.plan.StepStatus;
import dev.ktx.ingest.testinfra.KafkaTestResource;
import dev.ktx.ingest.testinfra.RedisTestResource;
import dev.ktx.ingest.testinfra.TopicProbe;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The planner over a real broker and Redis: database jobs first, the barrier once the database stage is final,
 * sources released one at a time (maxConcurrency 1), results in plan order, bad input rejected with nothing published.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(RedisTestResource.class)
class PlannerFlowIT {

    private static final String KTX_YAML = PlannerFixtures.warehouseDocsAndDbt(1);

    @Test
    void databaseFirstThenTheBarrierThenCappedSourcesAndResultsInPlanOrder() throws Exception {
        Path project = project(KTX_YAML);
        try (TopicProbe databaseJobs = new TopicProbe("ktx.jobs.database");
                TopicProbe sourceJobs = new TopicProbe("ktx.jobs.source");
                TopicProbe stages = new TopicProbe("ktx.ingest.stages")) {
            String runId = given().contentType(ContentType.JSON)
                    .body("{\"projectDir\":\"" + project + "\",\"all\":true}")
                    .when()
                    .post("/api/ingests")
                    .then()
                    .statusCode(202)
                    .extract()
                    .path("runId");

            assertThat(jobsOf(databaseJobs, runId, 1, WAIT))
                    .extracting(TargetJobMessage::connectionId)
                    .containsExactly("warehouse");
            assertThat(jobsOf(sourceJobs, runId, 1, Duration.ofSeconds(2)))
                    .as("no source before the barrier")
                    .isEmpty();

            report(runId, "warehouse", Driver.POSTGRES, Operation.DATABASE_INGEST, StepStatus.DONE);
            assertThat(stages.awaitMatching(
                            record -> MessageCodec.read(record.value(), StageEventMessage.class)
                                    .runId()
                                    .equals(runId),
                            WAIT))
                    .as("the barrier")
                    .isPresent();
            assertThat(jobsOf(sourceJobs, runId, 1, WAIT).get(0).connectionId()).isEqualTo("analytics_dbt");
            assertThat(jobsOf(sourceJobs, runId, 2, Duration.ofSeconds(2)))
                    .as("capped at one source in flight")
                    .hasSize(1);

            report(runId, "analytics_dbt", Driver.DBT, Operation.SOURCE_INGEST, StepStatus.FAILED);
            assertThat(jobsOf(sourceJobs, runId, 2, WAIT))
                    .extracting(TargetJobMessage::connectionId)
                    .containsExactly("analytics_dbt", "docs");
            report(runId, "docs", Driver.NOTION, Operation.SOURCE_INGEST, StepStatus.DONE);

            awaitFinished(runId);
            given().when()
                    .get("/api/ingests/" + runId)
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("finished"))
                    .body("exitCode", equalTo(1))
                    .body("results.connectionId", equalTo(List.of("warehouse", "analytics_dbt", "docs")))
                    .body("results[1].steps[0].status", equalTo("failed"));
            given().when()
                    .get("/api/ingests/" + runId + "/trace")
                    .then()
                    .statusCode(200)
                    .body(org.hamcrest.Matchers.containsString("\"event\":\"stage_barrier_reached\""));
            PlannerFixtures.await(
                    () -> given().when().get("/q/metrics").then().extract().asString(),
                    metrics -> metrics.contains("ktx_stage_duration_seconds_count{stage=\"database\"")
                            && metrics.contains("ktx_stage_duration_seconds_count{stage=\"source\""),
                    "both stage durations on /q/metrics");
        }
    }

    @Test
    void invalidKtxYamlIsRejectedWithItsKeyPathAndNothingIsPublished() throws Exception {
        Path project = project(
                "connections:\n  warehouse: { driver: postgres, url: env:X }\ningest:\n  sources: { maxConcurency: 4 }\n");
        try (TopicProbe databaseJobs = new TopicProbe("ktx.jobs.database")) {
            int before =
                    databaseJobs.await(Integer.MAX_VALUE, Duration.ofSeconds(2)).size();

            given().contentType(ContentType.JSON)
                    .body("{\"projectDir\":\"" + project + "\",\"all\":true}")
                    .when()
                    .post("/api/ingests")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors", hasItem("Unsupported ingest.sources.maxConcurency: unknown field"));

            assertThat(databaseJobs.await(before + 1, Duration.ofSeconds(2))).hasSize(before);
        }
    }

    @Test
    void badRequestsNameTheField() {
        given().contentType(ContentType.JSON)
                .body("{\"all\":true}")
                .when()
                .post("/api/ingests")
                .then()
                .statusCode(400)
                .body("detail", equalTo("projectDir: required"));
        given().contentType(ContentType.JSON)
                .body("{\"projectDir\":\"/tmp\",\"all\":true,\"connectionId\":\"x\"}")
                .when()
                .post("/api/ingests")
                .then()
                .statusCode(400)
                .body("detail", equalTo("connectionId/all: give either connectionId or all=true"));
        given().when().get("/api/ingests/no-such-run").then().statusCode(404);
    }

    @Test
    void unreadableResultGoesToTheDeadLetterTopicWithItsReason() {
        try (TopicProbe dlq = new TopicProbe("ktx.ingest.results.dlq")) {
            String key = "poison-" + UUID.randomUUID();
            TopicProbe.send("ktx.ingest.results", key, "{not json");

            // by its own key: the probe reads the topic from the start, and other tests dead-letter on this broker too
            ConsumerRecord<String, String> dead = dlq.awaitMatching(record -> key.equals(record.key()), WAIT)
                    .orElseThrow(() -> new AssertionError("no dead letter for " + key));
            assertThat(dead.value()).isEqualTo("{not json");
            assertThat(new String(
                            dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                    .startsWith("unreadable TargetResultMessage");
        }
    }
}
