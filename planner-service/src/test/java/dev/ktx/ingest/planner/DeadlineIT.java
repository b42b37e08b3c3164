package dev.ktx.ingest.planner;

import static dev.ktx.ingest.planner.PlannerFixtures.await;
import static dev.ktx.ingest.planner.PlannerFixtures.awaitFinished;
import static dev.ktx.ingest.planner.PlannerFixtures.awaitRun;
import static dev.ktx.ingest.planner.PlannerFixtures.project;
import static dev.ktx.ingest.planner.PlannerFixtures.report;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ktx.ingest.core.config.Driver;
import dev.ktx.ingest.core.messaging.FinalizeRequestMessage;
import dev.ktx.ingest.core.messaging.ProjectRef;
import dev.ktx.ingest.core.plan.Operation;
import dev.ktx.ingest.core.plan.Step;
import dev.ktx.ingest.core.plan.StepResult;
import dev.ktx.ingest.core.plan.StepStatus;
import dev.ktx.ingest.core.plan.TargetResult;
import dev.ktx.ingest.core.trace.TraceEvent;
import dev.ktx.ingest.core.trace.TraceEvents;
import dev.ktx.ingest.core.trace.TraceJson;
import dev.ktx.ingest.service.ParkedSession;
import dev.ktx.ingest.service.RunLedger;
import dev.ktx.ingest.testinfra.KafkaTestResource;
import dev.ktx.ingest.testinfra.RedisTestResource;
import dev.ktx.ingest.testinfra.TopicProbe;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every run ends, with no worker answering: the planner fails targets that stay silent past
 * {@code ingest.targetSilenceLimit} or outlive {@code ingest.runTimeout}, and the run finishes through the normal
 * result path. A parked target is not silent; the first result of a target is the one that counts.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(RedisTestResource.class)
class DeadlineIT {

    @Inject
    RunLedger ledger;

    @Test
    void silentTargetsFailNamingTheirLastPhaseParkedOnesWaitAndALateResultChangesNothing() throws Exception {
        Path project = project("""
                connections:
                  warehouse: { driver: postgres, url: env:WAREHOUSE_URL }
                  analytics_dbt: { driver: dbt, source_dir: ./dbt }
                  docs: { driver: notion, snapshot_dir: ./notion }
                ingest: { sources: { maxConcurrency: 2 }, targetSilenceLimit: 2s }
                """);
        String runId = start(project);
        TargetResult docsResult = new TargetResult(
                "docs",
                Driver.NOTION,
                Operation.SOURCE_INGEST,
                List.of(new StepResult(Step.SOURCE_INGEST, StepStatus.DONE, null)));
        ledger.park(
                runId,
                "docs",
                new ParkedSession(
                        FinalizeRequestMessage.of(
                                        runId, new ProjectRef("acme", project.toString()), List.of(), docsResult)
                                .asResumed(),
                        "0".repeat(40),
                        Instant.now()));

        // analytics_dbt and docs are released together; only the parked one outlives the silence limit
        JsonPath sourceTimedOut = awaitRun(runId, run -> "failed".equals(run.getString("results[1].steps[0].status")));
        assertThat(sourceTimedOut.getString("results[2].steps[0].status")).isEqualTo("not-run");
        heartbeat(runId, "docs", "source-ingest");
        await(() -> traceEvents(runId), events -> events.contains(TraceEvents.TARGET_HEARTBEAT), "the heartbeat");
        report(runId, "warehouse", Driver.POSTGRES, Operation.DATABASE_INGEST, StepStatus.DONE);
        ledger.unpark(runId, "docs");

        JsonPath finished = awaitFinished(runId);
        assertThat(finished.getInt("exitCode")).isEqualTo(1);
        assertThat(finished.getList("results.collect { it.steps[0].status }", String.class))
                .containsOnly("failed");
        assertThat(finished.getList("results.collect { it.steps[0].detail }", String.class))
                .containsExactly(
                        "target timed out after 2s (last seen: queued)",
                        "target timed out after 2s (last seen: queued)",
                        "target timed out after 2s (last seen: source-ingest)");
        assertThat(await(() -> timedOutInTrace(runId), timedOut -> timedOut.size() >= 3, "the trace"))
                .containsExactlyInAnyOrder("warehouse", "analytics_dbt", "docs");
    }

    @Test
    void afterTheRunTimeoutEveryUnfinishedTargetFails() throws Exception {
        Path project = project("""
                connections:
                  warehouse: { driver: postgres, url: env:WAREHOUSE_URL }
                  docs: { driver: notion, snapshot_dir: ./notion }
                ingest: { runTimeout: 1s, targetSilenceLimit: 1h }
                """);

        JsonPath finished = awaitFinished(start(project));

        assertThat(finished.getInt("exitCode")).isEqualTo(1);
        assertThat(finished.getList("results.collect { it.steps[0].detail }", String.class))
                .containsExactly(
                        "target timed out after 1s (last seen: queued)",
                        "target timed out after 1s (last seen: not released)");
    }

    private static String start(Path project) {
        return given().contentType(ContentType.JSON)
                .body("{\"projectDir\":\"" + project + "\",\"all\":true}")
                .when()
                .post("/api/ingests")
                .then()
                .statusCode(202)
                .extract()
                .path("runId");
    }

    private static void heartbeat(String runId, String connectionId, String phase) {
        TraceEvent event = new TraceEvent(
                TraceEvent.SCHEMA_VERSION,
                Instant.now(),
                TraceEvent.Level.info,
                runId,
                connectionId,
                phase,
                TraceEvents.TARGET_HEARTBEAT,
                null,
                null,
                null);
        TopicProbe.send("ktx.ingest.traces", runId, TraceJson.toLine(event));
    }

    private static List<TraceEvent> trace(String runId) {
        return given().when()
                .get("/api/ingests/" + runId + "/trace")
                .then()
                .statusCode(200)
                .extract()
                .asString()
                .lines()
                .map(TraceJson::fromLine)
                .toList();
    }

    private static List<String> traceEvents(String runId) {
        return trace(runId).stream().map(TraceEvent::event).toList();
    }

    private static List<String> timedOutInTrace(String runId) {
        return trace(runId).stream()
                .filter(event -> event.event().equals(TraceEvents.TARGET_TIMED_OUT))
                .map(TraceEvent::connectionId)
                .toList();
    }
}
