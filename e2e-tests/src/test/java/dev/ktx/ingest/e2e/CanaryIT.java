package dev.ktx.ingest.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ktx.ingest.testinfra.KafkaEndpoint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A failing postgres connection whose URL (an {@code env:} secret, as inline passwords are refused) carries a canary
 * password as user-info and as {@code sslpassword}: after the run the canary is in no git object, no Kafka topic,
 * no Redis key or value, no trace and no file the stack wrote (service logs, broker data); docs/hostile-input.md.
 */
class CanaryIT {

    private static final String CANARY = "canary-7f3a91";
    /** Port 1 refuses connections: the database step fails after the URL has been parsed and used. */
    private static final String URL =
            "postgresql://ktx:" + CANARY + "-user@127.0.0.1:1/acme?sslpassword=" + CANARY + "-ssl&sslmode=disable";

    private static final Duration BOUND = Duration.ofMinutes(3);

    private static E2eStack stack;

    @BeforeAll
    static void up() throws Exception {
        stack = E2eStack.up(Map.of("CANARY_WAREHOUSE_URL", URL));
    }

    @AfterAll
    static void down() {
        stack.close();
    }

    @Test
    void theCanaryPasswordLeavesNoTrace() throws Exception {
        Path project = DemoProject.create();
        DemoProject.amend(project, Map.of("ktx.yaml", """
                connections:
                  warehouse: { driver: postgres, url: env:CANARY_WAREHOUSE_URL }
                """));

        RunOutcome outcome = IngestRun.start(stack, project, BOUND).awaitFinal();

        JsonNode warehouse = outcome.report().get("results").get(0);
        assertThat(warehouse.toString()).as("the connection failed, naming it").contains("failed", "cannot connect to");
        assertThat(outcome.report().toString()).doesNotContain(CANARY);
        assertThat(outcome.cli().map(r -> r.out() + r.err()).orElse("")).doesNotContain(CANARY);
        assertThat(stack.ktx("ingest", "trace", outcome.runId()).out())
                .as("trace")
                .isNotBlank()
                .doesNotContain(CANARY);
        assertThat(gitObjects(project)).as("git objects").isNotBlank().doesNotContain(CANARY);
        assertThat(topicsWithCanary(stack.kafka()))
                .as("topics holding the canary")
                .isEmpty();
        assertThat(redisEntriesWithCanary())
                .as("Redis keys or values holding the canary")
                .isEmpty();
        assertThat(stackFilesWithCanary())
                .as("stack files (logs, broker data) holding the canary")
                .isEmpty();
    }

    /** Every object of the repository, loose or packed, reachable or not. */
    private static String gitObjects(Path project) throws Exception {
        Process git = new ProcessBuilder("git", "cat-file", "--batch-all-objects", "--batch")
                .directory(project.toFile())
                .redirectErrorStream(true)
                .start();
        String objects = new String(git.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        assertThat(git.waitFor()).as(objects).isZero();
        return objects;
    }

    /** Reads every {@code ktx.*} topic from its start to its current end. */
    private static List<String> topicsWithCanary(KafkaEndpoint kafka) throws Exception {
        Set<String> topics;
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            topics = admin.listTopics().names().get();
        }
        Map<String, Object> config = new HashMap<>(kafka.clientProperties());
        List<String> found = new ArrayList<>();
        int records = 0;
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = topics.stream()
                    .filter(t -> t.startsWith("ktx."))
                    .flatMap(t -> consumer.partitionsFor(t).stream())
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                assertThat(System.nanoTime())
                        .as("read every topic to its end within a minute")
                        .isLessThan(deadline);
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    records++;
                    StringBuilder text = new StringBuilder(text(record.key())).append(text(record.value()));
                    record.headers().forEach(h -> text.append(h.key()).append(text(h.value())));
                    if (text.toString().contains(CANARY)) {
                        found.add(record.topic() + "@" + record.offset());
                    }
                }
            }
        }
        assertThat(records).as("records read").isPositive();
        return found;
    }

    /** SCAN over every key; each value read by its type. */
    private static List<String> redisEntriesWithCanary() throws Exception {
        String url = stack.environment().variables().get("KTX_REDIS_URL");
        List<String> keys =
                redis(url, "--scan").lines().filter(k -> !k.isBlank()).toList();
        assertThat(keys).as("Redis keys").isNotEmpty();
        List<String> found = new ArrayList<>();
        for (String key : keys) {
            String type = redis(url, "TYPE", key).strip();
            String value = switch (type) {
                case "string" -> redis(url, "GET", key);
                case "hash" -> redis(url, "HGETALL", key);
                case "list" -> redis(url, "LRANGE", key, "0", "-1");
                case "set" -> redis(url, "SMEMBERS", key);
                case "zset" -> redis(url, "ZRANGE", key, "0", "-1", "WITHSCORES");
                case "stream" -> redis(url, "XRANGE", key, "-", "+");
                default -> "";
            };
            if ((key + value).contains(CANARY)) {
                found.add(key);
            }
        }
        return found;
    }

    private static String redis(String url, String... command) throws Exception {
        List<String> args = new ArrayList<>(List.of("redis-cli", "-u", url, "--raw"));
        args.addAll(List.of(command));
        Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        assertThat(process.waitFor()).as(String.join(" ", args) + ": " + out).isZero();
        return out;
    }

    /** Every file under the stack directory: service logs, pid files, stack.env, the broker's log segments. */
    private static List<String> stackFilesWithCanary() throws IOException {
        Path dir = stack.stackDir();
        assertThat(dir.resolve("logs")).isDirectory();
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(CANARY)) {
                    found.add(dir.relativize(file).toString());
                }
            }
        }
        return found;
    }

    private static String text(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
