package dev.ktx.ingest.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ktx.ingest.core.messaging.Topics;
import dev.ktx.ingest.testinfra.KafkaEndpoint;
import dev.ktx.ingest.testinfra.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad input at the edges of the running system: poison messages, an invalid ktx.yaml, an upstream event. */
class FaultsIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final List<String> CONSUMED = List.of(
            Topics.INGEST_REQUESTS,
            Topics.UPSTREAM_EVENTS,
            Topics.JOBS_DATABASE,
            Topics.JOBS_SOURCE,
            Topics.FINALIZE_REQUESTS,
            Topics.INGEST_RESULTS,
            Topics.INGEST_STAGES,
            Topics.INGEST_TRACES);
    private static E2eStack stack;

    @BeforeAll
    static void up() throws Exception {
        stack = E2eStack.up(Map.of());
    }

    @AfterAll
    static void down() {
        stack.close();
    }

    @Test
    void poisonOnEveryConsumedTopicLandsInItsDeadLetterTopicWhileARunCompletes() throws Exception {
        KafkaEndpoint kafka = stack.kafka();
        for (String topic : CONSUMED) {
            TopicProbe.send(kafka, "ktx." + topic, "poison", "{\"poison\": \"" + topic + "\"");
        }

        E2eStack.Result run = stack.ktx(
                "ingest", "--all", "--project-dir", DemoProject.create().toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();

        for (String topic : CONSUMED) {
            try (TopicProbe dlq = new TopicProbe(kafka, "ktx." + Topics.dlq(topic))) {
                ConsumerRecord<String, String> poison = dlq.awaitMatching(
                                record -> record.value().contains("\"poison\": \"" + topic + "\""), WAIT)
                        .orElseThrow(() -> new AssertionError("no poison in the dead letters of " + topic));
                assertThat(new String(
                                poison.headers()
                                        .lastHeader("dead-letter-reason")
                                        .value(),
                                StandardCharsets.UTF_8))
                        .as("reason for %s", topic)
                        .isNotBlank();
            }
        }
    }

    @Test
    void invalidKtxYamlIsRejectedByThePlannerBeforeAnythingIsPublished() throws Exception {
        Path project = DemoProject.create();
        Files.writeString(
                project.resolve("ktx.yaml"),
                "connections:\n  warehouse: { driver: postgres, url: env:WAREHOUSE_URL }\n"
                        + "ingest:\n  sources: { maxConcurency: 4 }\n");
        try (Git git = Git.open(project.toFile())) {
            git.commit()
                    .setAll(true)
                    .setMessage("typo")
                    .setAuthor("e2e", "e2e@localhost")
                    .setCommitter("e2e", "e2e@localhost")
                    .call();
        }
        KafkaEndpoint kafka = stack.kafka();
        try (TopicProbe jobs = new TopicProbe(kafka, "ktx." + Topics.JOBS_DATABASE)) {
            int before = jobs.await(Integer.MAX_VALUE, Duration.ofSeconds(3)).size();

            E2eStack.Result run = stack.ktx("ingest", "--all", "--project-dir", project.toString());

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("Unsupported ingest.sources.maxConcurency: unknown field");
            assertThat(jobs.await(before + 1, Duration.ofSeconds(3)))
                    .as("nothing published")
                    .hasSize(before);
        }
    }

    @Test
    void upstreamCloudEventTriggersAnIngest() throws Exception {
        Path project = DemoProject.create();
        // the built-in rule, with a short debounce window
        DemoProject.amend(
                project,
                Map.of(
                        "ktx.yaml",
                        DemoProject.read(project, "ktx.yaml").replace("ingest:\n", "ingest:\n  debounce: 1s\n")));
        int commits = DemoProject.log(project).size();

        TopicProbe.send(stack.kafka(), "ktx." + Topics.UPSTREAM_EVENTS, "acme", """
                {"specversion":"1.0","id":"evt-1","source":"dbt-cloud/job/42","type":"ktx.ingest.requested",
                 "data":{"project":{"projectId":"acme-upstream","projectDir":"%s"},"connectionId":"warehouse","all":false}}
                """.formatted(project));

        long deadline = System.nanoTime() + WAIT.toNanos();
        while (DemoProject.log(project).size() == commits && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(DemoProject.log(project))
                .as("the warehouse scan landed on main")
                .hasSize(commits + 1);
    }
}
