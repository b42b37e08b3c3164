package dev.ktx.ingest.planner;

import static dev.ktx.ingest.planner.PlannerFixtures.WAIT;
import static dev.ktx.ingest.planner.PlannerFixtures.project;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.ktx.ingest.core.trace.TraceEvent;
import dev.ktx.ingest.core.trace.TraceEvents;
import dev.ktx.ingest.core.trace.TraceJson;
import dev.ktx.ingest.testinfra.KafkaTestResource;
import dev.ktx.ingest.testinfra.RedisTestResource;
import dev.ktx.ingest.testinfra.TopicProbe;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A start whose database jobs the broker does not take is a 503 problem, and the run it began is removed: its id
 * (from the {@code run_started} trace, which goes to the working broker) is unknown afterwards.
 */
@QuarkusTest
@TestProfile(PublishFailureIT.UnreachableJobsBroker.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(RedisTestResource.class)
class PublishFailureIT {

    /** Only the channel of database jobs points at a port where no broker listens. */
    public static class UnreachableJobsBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "mp.messaging.outgoing.jobs-database-out.bootstrap.servers",
                    "127.0.0.1:" + closedPort(),
                    "ktx.planner.publish-timeout",
                    "2s");
        }
    }

    @Test
    void aStartWhoseJobsCannotBePublishedIsA503AndLeavesNoRun() throws Exception {
        Path project = project("connections:\n  warehouse: { driver: postgres, url: env:WAREHOUSE_URL }\n");
        String projectId = "unreachable-" + UUID.randomUUID();
        try (TopicProbe traces = new TopicProbe("ktx.ingest.traces")) {
            given().contentType(ContentType.JSON)
                    .body("{\"projectId\":\"" + projectId + "\",\"projectDir\":\"" + project + "\",\"all\":true}")
                    .when()
                    .post("/api/ingests")
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .body("title", equalTo("run not started"))
                    .body(
                            "detail",
                            equalTo("could not publish the database jobs: the broker did not confirm within 2s"));

            TraceEvent started = traces.awaitMatching(
                            record -> isRunStartedOf(TraceJson.fromLine(record.value()), projectId), WAIT)
                    .map(record -> TraceJson.fromLine(record.value()))
                    .orElseThrow();
            given().when().get("/api/ingests/" + started.runId()).then().statusCode(404);
        }
    }

    private static boolean isRunStartedOf(TraceEvent event, String projectId) {
        return event.event().equals(TraceEvents.RUN_STARTED)
                && event.data() != null
                && projectId.equals(event.data().get("projectId"));
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
