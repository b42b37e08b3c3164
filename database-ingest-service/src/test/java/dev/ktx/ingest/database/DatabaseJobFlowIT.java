package dev.ktx.ingest.database;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItems;

import dev.ktx.ingest.core.git.Changeset;
import dev.ktx.ingest.core.git.LocalContextRepository;
import dev.ktx.ingest.core.git.SessionId;
import dev.ktx.ingest.core.messaging.FinalizeRequestMessage;
import dev.ktx.ingest.core.messaging.MessageCodec;
import dev.ktx.ingest.core.messaging.ProjectRef;
import dev.ktx.ingest.core.messaging.TargetJobMessage;
import dev.ktx.ingest.core.plan.Step;
import dev.ktx.ingest.core.plan.StepStatus;
import dev.ktx.ingest.testinfra.KafkaTestResource;
import dev.ktx.ingest.testinfra.PostgresEndpoint;
import dev.ktx.ingest.testinfra.PostgresService;
import dev.ktx.ingest.testinfra.RedisTestResource;
import dev.ktx.ingest.testinfra.TopicProbe;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The database worker over a real broker and a real PostgreSQL: a scan lands in the session and goes to the finalizer. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(RedisTestResource.class)
class DatabaseJobFlowIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void scanIsCommittedToTheSessionAndHandedToTheFinalizer() throws Exception {
        PostgresEndpoint warehouse = PostgresService.shared().createDatabase();
        try (Connection jdbc = DriverManager.getConnection(warehouse.jdbcUrl())) {
            jdbc.createStatement().execute("CREATE TABLE accounts (account_id bigint PRIMARY KEY, name text NOT NULL)");
        }
        Path dir = Files.createTempDirectory("db-worker").resolve("acme.git");
        String configCommit;
        try (LocalContextRepository repo = LocalContextRepository.initBare(
                dir,
                Changeset.builder()
                        .write(
                                "ktx.yaml",
                                "connections:\n  warehouse: { driver: postgres, url: \"" + warehouse.jdbcUrl()
                                        + "\" }\n")
                        .build(),
                "init")) {
            configCommit = repo.mainHead().orElseThrow();
        }
        ProjectRef project = new ProjectRef("acme", dir.toString());

        try (TopicProbe finalize = new TopicProbe("ktx.finalize.requests")) {
            TopicProbe.send(
                    "ktx.jobs.database",
                    "acme",
                    MessageCodec.write(TargetJobMessage.of("run-d1", project, "warehouse", "job-1", configCommit)));

            FinalizeRequestMessage request = finalize.await(1, WAIT).stream()
                    .map(r -> MessageCodec.read(r.value(), FinalizeRequestMessage.class))
                    .filter(r -> r.runId().equals("run-d1"))
                    .findFirst()
                    .orElseThrow();
            assertThat(request.allowedSlConnections()).containsExactly("warehouse");
            assertThat(request.result().step(Step.DATABASE_SCHEMA).orElseThrow().status())
                    .isEqualTo(StepStatus.DONE);
            assertThat(request.result().step(Step.QUERY_HISTORY).orElseThrow().status())
                    .isEqualTo(StepStatus.SKIPPED);
        }
        try (LocalContextRepository repo = LocalContextRepository.open(dir)) {
            String session =
                    repo.sessionHead(new SessionId("run-d1", "warehouse")).orElseThrow();
            assertThat(repo.tree(session).readText("semantic-layer/warehouse/_schema/public.yaml"))
                    .hasValueSatisfying(shard -> assertThat(shard).contains("accounts:", "account_id"));
        }
    }

    @Test
    void unreadableJobGoesToTheDeadLetterTopic() {
        try (TopicProbe dlq = new TopicProbe("ktx.jobs.database.dlq")) {
            TopicProbe.send("ktx.jobs.database", "poison", "[]");

            List<ConsumerRecord<String, String>> dead = dlq.await(1, WAIT);
            assertThat(new String(
                            dead.get(0)
                                    .headers()
                                    .lastHeader("dead-letter-reason")
                                    .value(),
                            StandardCharsets.UTF_8))
                    .startsWith("unreadable TargetJobMessage");
        }
    }

    @Test
    void readinessCoversKafkaRedisAndTheContextRepos() {
        given().when().get("/q/health/ready").then().statusCode(200).body("checks.name", hasItems("redis", "git"));
    }
}
