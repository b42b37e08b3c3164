package dev.ktx.ingest.planner;

import static dev.ktx.ingest.planner.PlannerFixtures.WAIT;
import static dev.ktx.ingest.planner.PlannerFixtures.awaitFinished;
import static dev.ktx.ingest.planner.PlannerFixtures.awaitRun;
import static dev.ktx.ingest.planner.PlannerFixtures.jobsOf;
import static dev.ktx.ingest.planner.PlannerFixtures.project;
import static dev.ktx.ingest.planner.PlannerFixtures.report;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.ktx.ingest.core.config.Driver;
import dev.ktx.ingest.core.git.LocalContextRepository;
import dev.ktx.ingest.core.git.SessionId;
import dev.ktx.ingest.core.messaging.FinalizeRequestMessage;
import dev.ktx.ingest.core.messaging.MessageCodec;
import dev.ktx.ingest.core.messaging.ProjectRef;
import dev.ktx.ingest.core.messaging.TargetJobMessage;
import dev.ktx.ingest.core.messaging.TargetResultMessage;
import dev.ktx.ingest.core.plan.Operation;
import dev.ktx.ingest.core.plan.Step;
import dev.ktx.ingest.core.plan.StepResult;
import dev.ktx.ingest.core.plan.StepStatus;
import dev.ktx.ingest.core.plan.TargetResult;
import dev.ktx.ingest.testinfra.KafkaTestResource;
import dev.ktx.ingest.testinfra.RedisTestResource;
import dev.ktx.ingest.testinfra.TopicProbe;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

/**
 * Redis loses a run's state mid-run (every key of the run deleted, as a restart without persistence does): the
 * planner rebuilds it from the run's record in the repository, its results and released jobs on the topics and its
 * refs, on the next poll that names the project or the next result, and the run goes on to its end.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(RedisTestResource.class)
class RunRestoreIT {

    private static final String KTX_YAML = PlannerFixtures.warehouseDocsAndDbt(2);

    @Inject
    RedissonClient redisson;

    @Test
    void aPollNamingTheProjectRestoresTheRunFromItsTopicsAndRepository() throws Exception {
        Path dir = project(KTX_YAML);
        try (TopicProbe sourceJobs = new TopicProbe("ktx.jobs.source");
                TopicProbe finalizeRequests = new TopicProbe("ktx.finalize.requests")) {
            String runId = start(dir);
            report(runId, "warehouse", Driver.POSTGRES, Operation.DATABASE_INGEST, StepStatus.DONE);
            assertThat(jobsOf(sourceJobs, runId, 2, WAIT)).hasSize(2);
            report(runId, "analytics_dbt", Driver.DBT, Operation.SOURCE_INGEST, StepStatus.FAILED);
            awaitRun(runId, run -> "failed".equals(run.getString("results[1].steps[0].status")));
            SessionId docs = new SessionId(runId, "docs");
            FinalizeRequestMessage handoff = FinalizeRequestMessage.of(
                    runId,
                    new ProjectRef("acme.git", dir.toString()),
                    List.of(),
                    new TargetResult(
                            "docs",
                            Driver.NOTION,
                            Operation.SOURCE_INGEST,
                            List.of(new StepResult(Step.SOURCE_INGEST, StepStatus.DONE, null))));
            try (LocalContextRepository repo = LocalContextRepository.open(dir)) {
                repo.openSession(docs);
                repo.recordHandoff(docs, MessageCodec.write(handoff));
            }

            loseRunState(runId);
            given().when().get("/api/ingests/" + runId).then().statusCode(404);

            JsonPath restored = given().queryParam("projectDir", dir.toString())
                    .when()
                    .get("/api/ingests/" + runId)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertThat(restored.getString("status")).isEqualTo("running");
            assertThat(List.of(0, 1, 2))
                    .map(i -> restored.getString("results[" + i + "].steps[0].status"))
                    .as("warehouse, analytics_dbt, docs")
                    .containsExactly("done", "failed", "not-run");
            given().when()
                    .get("/api/ingests/" + runId + "/trace")
                    .then()
                    .statusCode(200)
                    .body(containsString("\"event\":\"run_restored\""));
            assertThat(finalizeRequests.awaitMatching(record -> record.value().contains(runId), WAIT))
                    .as("the hand-off of docs is sent to the finalizer again")
                    .isPresent();
            assertThat(jobsOf(sourceJobs, runId, 3, Duration.ofSeconds(2)))
                    .as("both sources were released before the loss: not released again")
                    .hasSize(2);

            report(runId, "docs", Driver.NOTION, Operation.SOURCE_INGEST, StepStatus.DONE);
            assertThat(awaitFinished(runId).getInt("exitCode")).isEqualTo(1);
            try (LocalContextRepository repo = LocalContextRepository.open(dir)) {
                assertThat(repo.recordedRun(runId))
                        .as("the record of a finished run is removed")
                        .isEmpty();
            }
        }
    }

    @Test
    void aResultNamingItsProjectRestoresTheRunAndTheSourcesNeverReleasedAreReleased() throws Exception {
        Path dir = project(KTX_YAML);
        try (TopicProbe databaseJobs = new TopicProbe("ktx.jobs.database");
                TopicProbe sourceJobs = new TopicProbe("ktx.jobs.source")) {
            String runId = start(dir);
            assertThat(jobsOf(databaseJobs, runId, 1, WAIT)).hasSize(1);

            loseRunState(runId);
            TargetResult warehouse = new TargetResult(
                    "warehouse",
                    Driver.POSTGRES,
                    Operation.DATABASE_INGEST,
                    List.of(new StepResult(Step.DATABASE_SCHEMA, StepStatus.DONE, null)));
            TopicProbe.send(
                    "ktx.ingest.results",
                    runId,
                    MessageCodec.write(TargetResultMessage.of(
                            runId, new ProjectRef(dir.getFileName().toString(), dir.toString()), warehouse)));

            assertThat(jobsOf(sourceJobs, runId, 2, WAIT))
                    .extracting(TargetJobMessage::connectionId)
                    .as("restored with the warehouse's result: the barrier released the sources")
                    .containsExactlyInAnyOrder("analytics_dbt", "docs");
            awaitRun(runId, run -> "done".equals(run.getString("results[0].steps[0].status")));
            assertThat(jobsOf(databaseJobs, runId, 2, Duration.ofSeconds(2)))
                    .as("the database job had been published: not published again")
                    .hasSize(1);
        }
    }

    private static String start(Path dir) {
        return given().contentType(ContentType.JSON)
                .body("{\"projectDir\":\"" + dir + "\",\"all\":true}")
                .when()
                .post("/api/ingests")
                .then()
                .statusCode(202)
                .extract()
                .path("runId");
    }

    /** What a Redis restart without persistence does to one run. */
    private void loseRunState(String runId) {
        redisson.getKeys().deleteByPattern("ktx:run:" + runId + "*");
        redisson.getScoredSortedSet("ktx:runs:active").remove(runId);
    }
}
