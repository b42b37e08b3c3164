package dev.ktx.ingest.planner;

import static dev.ktx.ingest.planner.DeadLetterFixtures.awaitDeadLetter;
import static dev.ktx.ingest.planner.PlannerFixtures.await;
import static dev.ktx.ingest.planner.PlannerFixtures.awaitRun;
import static dev.ktx.ingest.planner.PlannerFixtures.metric;
import static dev.ktx.ingest.planner.PlannerFixtures.project;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.ktx.ingest.testinfra.KafkaTestResource;
import dev.ktx.ingest.testinfra.RedisTestResource;
import dev.ktx.ingest.testinfra.TopicProbe;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Upstream CloudEvents over the real broker and Redis, and through {@code POST /api/events}: trigger rules pick the
 * targets, events of one project within {@code ingest.debounce} coalesce into one run over the union of their targets,
 * an unmatched event is counted and acknowledged, a malformed one is dead-lettered with its reason and later events go
 * on. Every project here is fresh, and runs are found by project in {@code GET /api/ingests}.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(RedisTestResource.class)
class TriggerFlowIT {

    private static final String TOPIC = "ktx.upstream.events";
    /**
     * Debounce windows long enough that every event of a test, sent at once, lands in one window also on a busy
     * machine; the webhook test sends its events one request after the other, so its window is longer.
     */
    private static final String KTX_YAML = ktxYaml("5s");

    private static final String KTX_YAML_SLOW_SENDER = ktxYaml("15s");

    private static String ktxYaml(String debounce) {
        return """
            connections:
              warehouse: { driver: postgres, url: env:WAREHOUSE_URL }
              docs: { driver: notion, snapshot_dir: ./notion }
              analytics_dbt: { driver: dbt, source_dir: ./dbt }
            ingest:
              debounce: %s
              triggers:
                - { type: com.acme.docs.changed, targets: [docs], databaseFirst: false }
                - { type: com.acme.dbt.pushed, source: "https://git.acme.test/*", targets: [analytics_dbt] }
            """.formatted(debounce);
    }

    @Test
    void tenMatchingEventsForOneTargetWithinTheWindowStartOneRun() throws Exception {
        Path project = project(KTX_YAML);
        List<String> ids = IntStream.range(0, 10)
                .mapToObj(i -> "docs-" + i + "-" + UUID.randomUUID())
                .toList();
        ids.forEach(id ->
                TopicProbe.send(TOPIC, project.toString(), event(id, "com.acme.docs.changed", "/notion", project)));

        Map<String, Object> run = awaitOnlyRun(project);
        assertThat(eventIds(run)).containsExactlyInAnyOrderElementsOf(ids);
        JsonPath state = awaitRun((String) run.get("runId"), r -> r.getList("plan.connectionId") != null);
        assertThat(state.getList("plan.connectionId"))
                .as("databaseFirst: false skips the database stage")
                .containsExactly("docs");
    }

    @Test
    void eventsForDifferentTargetsInOneWindowStartOneRunOverTheirUnion() throws Exception {
        Path project = project(KTX_YAML);
        TopicProbe.send(TOPIC, project.toString(), event("docs-1", "com.acme.docs.changed", "/notion", project));
        TopicProbe.send(
                TOPIC, project.toString(), event("dbt-1", "com.acme.dbt.pushed", "https://git.acme.test/dbt", project));

        Map<String, Object> run = awaitOnlyRun(project);
        assertThat(eventIds(run)).containsExactlyInAnyOrder("docs-1", "dbt-1");
        JsonPath state = awaitRun((String) run.get("runId"), r -> r.getList("plan.connectionId") != null);
        assertThat(state.getList("plan.connectionId"))
                .as("the dbt rule asks for the database targets first")
                .containsExactly("warehouse", "analytics_dbt", "docs");
    }

    @Test
    void anUnmatchedEventIsCountedAndNotDeadLettered() throws Exception {
        Path project = project(KTX_YAML);
        long before =
                metric("ktx_upstream_events_total", "outcome=\"unmatched\"").orElseThrow();
        String key = "unmatched-" + UUID.randomUUID();
        TopicProbe.send(
                TOPIC,
                key,
                event("other-1", "com.acme.docs.changed", "/notion", project)
                        .replace("com.acme.docs.changed", "com.acme.unknown"));
        // on the same partition, after it: once this one started a run, the unmatched one was handled
        TopicProbe.send(TOPIC, key, event("docs-after-unmatched", "com.acme.docs.changed", "/notion", project));

        assertThat(eventIds(awaitOnlyRun(project))).containsExactly("docs-after-unmatched");
        assertThat(metric("ktx_upstream_events_total", "outcome=\"unmatched\"").orElseThrow())
                .isEqualTo(before + 1);
        List<Map<String, Object>> deadLetters = given().when()
                .get("/api/dlq/upstream.events?limit=1000")
                .then()
                .statusCode(200)
                .extract()
                .path("records");
        assertThat(deadLetters).noneMatch(record -> key.equals(record.get("key")));
    }

    @Test
    void aMalformedEventIsDeadLetteredWithItsReasonAndALaterEventStillStartsARun() throws Exception {
        Path project = project(KTX_YAML);
        String key = "malformed-" + UUID.randomUUID();
        TopicProbe.send(TOPIC, key, """
                {"specversion":"1.0","id":"no-project","source":"/notion","type":"com.acme.docs.changed"}""");
        TopicProbe.send(TOPIC, key, event("docs-after-malformed", "com.acme.docs.changed", "/notion", project));

        assertThat(awaitDeadLetter("upstream.events", key).get("reason"))
                .asString()
                .startsWith("CloudEvent names no project: give data.project.projectDir or the ktxprojectdir extension");
        assertThat(eventIds(awaitOnlyRun(project))).containsExactly("docs-after-malformed");
    }

    @Test
    void theWebhookTakesStructuredAndBinaryEventsIntoOneWindow() throws Exception {
        Path project = project(KTX_YAML_SLOW_SENDER);
        String windowId = given().contentType("application/cloudevents+json")
                .body(event("web-1", "com.acme.docs.changed", "/notion", project))
                .when()
                .post("/api/events")
                .then()
                .statusCode(202)
                .body("outcome", equalTo("opened"))
                .extract()
                .path("windowId");
        given().header("ce-specversion", "1.0")
                .header("ce-id", "web-2")
                .header("ce-source", "https://git.acme.test/dbt")
                .header("ce-type", "com.acme.dbt.pushed")
                .header("ce-subject", "refs/heads/main")
                .header("ce-ktxprojectdir", project.toString())
                .contentType("application/json")
                .body("{\"commit\":\"abc\"}")
                .when()
                .post("/api/events")
                .then()
                .statusCode(202)
                .body("outcome", equalTo("coalesced"))
                .body("windowId", equalTo(windowId));
        given().header("ce-specversion", "1.0")
                .header("ce-id", "web-2")
                .header("ce-source", "https://git.acme.test/dbt")
                .header("ce-type", "com.acme.dbt.pushed")
                .header("ce-ktxprojectdir", project.toString())
                .when()
                .post("/api/events")
                .then()
                .statusCode(202)
                .body("outcome", equalTo("duplicate"))
                .body("windowId", equalTo(windowId));

        assertThat(eventIds(awaitOnlyRun(project))).containsExactlyInAnyOrder("web-1", "web-2");
    }

    @Test
    void theWebhookAnswersAMalformedEventWith400NamingTheAttribute() throws Exception {
        Path project = project(KTX_YAML);
        given().header("ce-specversion", "1.0")
                .header("ce-id", "web-3")
                .header("ce-source", "/x")
                .header("ce-ktxprojectdir", project.toString())
                .when()
                .post("/api/events")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("CloudEvent attribute missing: type"));
        given().contentType("application/cloudevents+json")
                .body("{\"specversion\":\"1.0\"")
                .when()
                .post("/api/events")
                .then()
                .statusCode(400)
                .body("detail", startsWith("unreadable CloudEvent: "));
        given().contentType("application/cloudevents+json")
                .body(event("web-4", "com.acme.docs.changed", "/notion", project.resolveSibling("missing.git")))
                .when()
                .post("/api/events")
                .then()
                .statusCode(400)
                .body("detail", startsWith("CloudEvent project refused: projectDir: "));
    }

    @Test
    void recentRunsAreListedNewestFirstWithTheirTrigger() throws Exception {
        Path project = project(KTX_YAML);
        String body = "{\"projectDir\":\"" + project + "\",\"connectionId\":\"docs\"}";
        String first = given().contentType("application/json")
                .body(body)
                .when()
                .post("/api/ingests")
                .then()
                .statusCode(202)
                .extract()
                .path("runId");
        String second = given().contentType("application/json")
                .header("Ktx-Client", "cli")
                .body(body)
                .when()
                .post("/api/ingests")
                .then()
                .statusCode(202)
                .extract()
                .path("runId");

        List<Map<String, Object>> runs = runsOf(project);
        assertThat(runs).extracting(run -> run.get("runId")).containsExactly(second, first);
        assertThat(runs)
                .extracting(run -> (Object) ((Map<?, ?>) run.get("trigger")).get("kind"))
                .containsExactly("cli", "rest");
        assertThat(runs).allSatisfy(run -> assertThat(run).containsKeys("status", "startedAt", "project"));
    }

    /** Waits for the project's run in {@code GET /api/ingests}, and checks it is the only one. */
    private static Map<String, Object> awaitOnlyRun(Path project) throws InterruptedException {
        List<Map<String, Object>> runs = await(() -> runsOf(project), list -> !list.isEmpty(), "a run of " + project);
        assertThat(runs).as("runs of " + project).hasSize(1);
        return runs.get(0);
    }

    private static List<Map<String, Object>> runsOf(Path project) {
        List<Map<String, Object>> all = given().when()
                .get("/api/ingests")
                .then()
                .statusCode(200)
                .extract()
                .path("");
        return all.stream()
                .filter(run -> project.toString().equals(((Map<?, ?>) run.get("project")).get("projectDir")))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> eventIds(Map<String, Object> run) {
        Map<String, Object> trigger = (Map<String, Object>) run.get("trigger");
        assertThat(trigger.get("kind")).isEqualTo("event");
        return (List<String>) trigger.get("eventIds");
    }

    /** A structured CloudEvent naming its project by the {@code ktxprojectdir} extension attribute. */
    private static String event(String id, String type, String source, Path project) {
        return """
                {"specversion":"1.0","id":"%s","source":"%s","type":"%s","ktxprojectdir":"%s","data":{"note":"changed"}}""".formatted(id, source, type, project);
    }
}
