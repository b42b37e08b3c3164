package dev.ktx.ingest.source;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.ktx.ingest.core.git.Changeset;
import dev.ktx.ingest.core.git.LocalContextRepository;
import dev.ktx.ingest.core.git.SessionId;
import dev.ktx.ingest.core.messaging.FinalizeRequestMessage;
import dev.ktx.ingest.core.messaging.MessageCodec;
import dev.ktx.ingest.core.messaging.ProjectRef;
import dev.ktx.ingest.core.messaging.TargetJobMessage;
import dev.ktx.ingest.core.plan.StepStatus;
import dev.ktx.ingest.testinfra.KafkaTestResource;
import dev.ktx.ingest.testinfra.RedisTestResource;
import dev.ktx.ingest.testinfra.TopicProbe;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The source worker over a real broker: a Notion snapshot becomes a session handed to the finalizer. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(RedisTestResource.class)
class SourceJobFlowIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path DEMO_NOTION =
            Path.of("../examples/acme/snapshots/notion").toAbsolutePath().normalize();

    @Test
    void notionSnapshotIsIngestedIntoTheSessionAndHandedToTheFinalizer() throws Exception {
        Path dir = Files.createTempDirectory("source-worker").resolve("acme.git");
        String configCommit;
        try (LocalContextRepository repo = LocalContextRepository.initBare(
                dir,
                Changeset.builder()
                        .write(
                                "ktx.yaml",
                                "connections:\n  docs: { driver: notion, snapshot_dir: ./snapshots/notion }\n")
                        .build(),
                "init")) {
            configCommit = repo.mainHead().orElseThrow();
        }
        copyTree(DEMO_NOTION, dir.resolve("snapshots/notion")); // a snapshot_dir lies inside its project

        try (TopicProbe finalize = new TopicProbe("ktx.finalize.requests")) {
            TopicProbe.send(
                    "ktx.jobs.source",
                    "run-s1/docs",
                    MessageCodec.write(TargetJobMessage.of(
                            "run-s1", new ProjectRef("acme", dir.toString()), "docs", "job-1", configCommit)));

            FinalizeRequestMessage request = finalize.await(1, WAIT).stream()
                    .map(r -> MessageCodec.read(r.value(), FinalizeRequestMessage.class))
                    .filter(r -> r.runId().equals("run-s1"))
                    .findFirst()
                    .orElseThrow();
            assertThat(request.allowedSlConnections()).isEmpty();
            assertThat(request.result().steps())
                    .singleElement()
                    .extracting(s -> s.status())
                    .isEqualTo(StepStatus.DONE);
        }
        try (LocalContextRepository repo = LocalContextRepository.open(dir)) {
            String session = repo.sessionHead(new SessionId("run-s1", "docs")).orElseThrow();
            assertThat(repo.tree(session).exists("wiki/global/onboarding-playbook.md"))
                    .isTrue();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    @Test
    void unreadableJobGoesToTheDeadLetterTopic() {
        try (TopicProbe dlq = new TopicProbe("ktx.jobs.source.dlq")) {
            TopicProbe.send("ktx.jobs.source", "poison", "{\"schemaVersion\":1,\"runId\":\"r\"}");

            assertThat(new String(
                            dlq.await(1, WAIT)
                                    .get(0)
                                    .headers()
                                    .lastHeader("dead-letter-reason")
                                    .value(),
                            StandardCharsets.UTF_8))
                    .isEqualTo("invalid TargetJobMessage: project is required");
        }
    }

    @Test
    void healthAndMetricsAreServed() {
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("ktx_source_jobs_in_flight"));
    }
}
