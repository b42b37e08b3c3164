package dev.ktx.ingest.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compose topic job creates exactly the topics of {@link TopicPlan} (what {@code ktx stack up} creates) with the
 * same partitions. In TopicPlan's package because the plan is package-private.
 */
class ComposeTopicsTest {

    private static final Path DOCKER_DIR = Path.of("../deploy/docker");
    private static final Path TOPICS = DOCKER_DIR.resolve("topics.txt");

    @Test
    void topicListIsTheTopicPlan() throws IOException {
        Map<String, Integer> plan = TopicPlan.of("ktx.").stream()
                .collect(Collectors.toMap(NewTopic::name, NewTopic::numPartitions, (a, b) -> a, TreeMap::new));

        assertThat(topicList()).isEqualTo(plan).containsEntry("ktx.jobs.source", 8);
    }

    /** Runs create-topics.sh with a stand-in for kafka-topics.sh that records its arguments. */
    @Test
    void scriptCreatesEveryListedTopic(@TempDir Path dir) throws Exception {
        Path calls = dir.resolve("calls.txt");
        Path kafkaTopics = dir.resolve("kafka-topics.sh");
        Files.writeString(kafkaTopics, "#!/bin/sh\necho \"$@\" >> '" + calls + "'\n");
        Files.setPosixFilePermissions(kafkaTopics, PosixFilePermissions.fromString("rwx------"));

        ProcessBuilder script = new ProcessBuilder(
                        "sh", DOCKER_DIR.resolve("create-topics.sh").toString(), TOPICS.toString())
                .redirectErrorStream(true);
        script.environment().put("KAFKA_TOPICS", kafkaTopics.toString());
        script.environment().put("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");
        Process process = script.start();
        String output = new String(process.getInputStream().readAllBytes());

        assertThat(process.waitFor()).as(output).isZero();
        assertThat(Files.readAllLines(calls))
                .containsExactlyInAnyOrderElementsOf(topicList().entrySet().stream()
                        .map(topic -> "--bootstrap-server kafka:9092 --create --if-not-exists --topic " + topic.getKey()
                                + " --partitions " + topic.getValue() + " --replication-factor 1")
                        .toList());
    }

    private static Map<String, Integer> topicList() throws IOException {
        return Files.readAllLines(TOPICS).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.trim().split("\\s+"))
                .collect(Collectors.toMap(
                        fields -> fields[0],
                        fields -> Integer.valueOf(fields[1]),
                        (a, b) -> {
                            throw new AssertionError("listed twice: " + a);
                        },
                        TreeMap::new));
    }
}
