package dev.ktx.ingest.planner;

import static dev.ktx.ingest.planner.PlannerFixtures.WAIT;
import static dev.ktx.ingest.planner.PlannerFixtures.project;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.ktx.ingest.core.git.Changeset;
import dev.ktx.ingest.core.git.LocalContextRepository;
import dev.ktx.ingest.core.messaging.IngestRequestMessage;
import dev.ktx.ingest.core.messaging.MessageCodec;
import dev.ktx.ingest.core.messaging.ProjectRef;
import dev.ktx.ingest.planner.project.ReposRoot;
import dev.ktx.ingest.testinfra.KafkaTestResource;
import dev.ktx.ingest.testinfra.RedisTestResource;
import dev.ktx.ingest.testinfra.TopicProbe;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input at the planner's boundaries (docs/hostile-input.md): REST bodies and parameters answer {@code 400} naming
 * the field, request messages and CloudEvents go to their dead-letter topic with the reason, and nothing starts:
 * {@code main} of the (valid) project outside {@code ktx.repos.root} stays where it was.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(RedisTestResource.class)
class HostileRequestIT {

    private static final String KTX_YAML = "connections:\n  warehouse: { driver: postgres, url: env:W }\n";
    /** A valid project outside the root: a sibling of the test root in the temp directory, wherever the checkout is. */
    private static Path outside;

    private static String outsideHead;
    private static Path root;

    @BeforeAll
    static void projects() throws Exception {
        root = new ReposRoot(PlannerFixtures.REPOS).root();
        outside = Files.createTempDirectory("outside-root").toRealPath().resolve("acme-" + UUID.randomUUID());
        try (LocalContextRepository repo = LocalContextRepository.initBare(
                outside, Changeset.builder().write("ktx.yaml", KTX_YAML).build(), "init")) {
            outsideHead = repo.mainHead().orElseThrow();
        }
    }

    @AfterAll
    static void mainUntouched() {
        try (LocalContextRepository repo = LocalContextRepository.open(outside)) {
            assertThat(repo.mainHead()).contains(outsideHead);
        }
    }

    static Stream<Arguments> badBodies() throws Exception {
        Path inside = project(KTX_YAML);
        Path link = Files.createTempDirectory("hostile").resolve("link");
        Files.createSymbolicLink(link, outside);
        String outsideMessage = " is outside the allowed root " + root;
        String dotDot = root + "/" + "../".repeat(root.getNameCount())
                + outside.toString().substring(1);
        return Stream.of(
                Arguments.of("missing projectDir", "{\"all\":true}", "projectDir: required"),
                Arguments.of("blank projectDir", "{\"projectDir\":\"  \",\"all\":true}", "projectDir: required"),
                Arguments.of("projectDir outside the root", body(outside), "projectDir: " + outside + outsideMessage),
                Arguments.of(
                        "projectDir leaving the root by ..",
                        "{\"projectDir\":\"" + dotDot + "\",\"all\":true}",
                        "projectDir: " + dotDot + outsideMessage),
                Arguments.of(
                        "projectDir a symlink out of the root", body(link), "projectDir: " + link + outsideMessage),
                Arguments.of(
                        "relative projectDir (the working directory is outside the root)",
                        "{\"projectDir\":\"target/outside-root\",\"all\":true}",
                        "projectDir: target/outside-root" + outsideMessage),
                Arguments.of(
                        "connectionId and all",
                        "{\"projectDir\":\"" + inside + "\",\"all\":true,\"connectionId\":\"x\"}",
                        "connectionId/all: give either connectionId or all=true"),
                Arguments.of(
                        "unknown connection",
                        "{\"projectDir\":\"" + inside + "\",\"connectionId\":\"nope\"}",
                        "Unknown connection: nope (known: warehouse)"),
                Arguments.of("not a repository", body(PlannerFixtures.directoryInRoot("not-a-repo")), null));
    }

    private static String body(Path projectDir) {
        return "{\"projectDir\":\"" + projectDir + "\",\"all\":true}";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void badRequestBodiesAre400ProblemsNamingTheField(String label, String body, String detail) {
        var response = given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/ingests")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        if (detail != null) {
            response.body("detail", equalTo(detail));
        } else {
            response.body("detail", startsWith("projectDir: "));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badQueries")
    void badQueryParametersAre400(String label, String query, String detail) {
        given().when()
                .get("/api/ingests/some-run?" + query)
                .then()
                .statusCode(400)
                .body("detail", equalTo(detail));
    }

    static Stream<Arguments> badQueries() {
        return Stream.of(Arguments.of(
                "projectDir outside the root",
                "projectDir=" + outside,
                "projectDir: " + outside + " is outside the allowed root " + root));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badMessages")
    void badMessagesAreDeadLetteredWithTheReason(String label, String topic, String value, String reason) {
        String key = "hostile-" + UUID.randomUUID();
        try (TopicProbe dlq = new TopicProbe(topic + ".dlq")) {
            TopicProbe.send(topic, key, value);
            ConsumerRecord<String, String> dead = dlq.awaitMatching(record -> key.equals(record.key()), WAIT)
                    .orElseThrow(() -> new AssertionError("no dead letter keyed " + key + " on " + topic + ".dlq"));
            assertThat(new String(
                            dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                    .startsWith(reason);
        }
    }

    static Stream<Arguments> badMessages() {
        String outsideReason = "projectDir: " + outside + " is outside the allowed root " + root;
        String request =
                MessageCodec.write(IngestRequestMessage.of(new ProjectRef("acme", outside.toString()), null, true));
        String event = """
                {"specversion":"1.0","id":"%s","source":"test","type":"ktx.ingest.requested",
                 "data":{"project":{"projectId":"acme","projectDir":"%s"},"all":true}}""".formatted(UUID.randomUUID(), outside);
        return Stream.of(
                Arguments.of("request for a project outside the root", "ktx.ingest.requests", request, outsideReason),
                Arguments.of(
                        "CloudEvent for a project outside the root",
                        "ktx.upstream.events",
                        event,
                        "CloudEvent project refused: " + outsideReason),
                Arguments.of(
                        "request that is not JSON",
                        "ktx.ingest.requests",
                        "{not json",
                        "unreadable IngestRequestMessage"),
                Arguments.of(
                        "request without a project",
                        "ktx.ingest.requests",
                        "{\"schemaVersion\":1,\"all\":true}",
                        "invalid IngestRequestMessage: project is required"));
    }
}
