package dev.ktx.ingest.cli.stack;

import dev.ktx.ingest.core.messaging.Topics;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The topics the services need (docs/cli.md), created before they start: a consumer group cannot use more consumers
 * than its topic has partitions, and auto-created topics would get the broker's default of one.
 */
final class TopicPlan {

    private static final int DEFAULT_PARTITIONS = 1;
    private static final short REPLICATION = 1;
    /** Source ingest scales out (consumers and replicas); the finalizer serves several projects at once. */
    private static final Map<String, Integer> PARTITIONS = Map.of(Topics.JOBS_SOURCE, 8, Topics.FINALIZE_REQUESTS, 4);

    private TopicPlan() {}

    /** Every topic and its dead-letter topic (every topic is consumed by some service), with {@code prefix}. */
    static List<NewTopic> of(String prefix) {
        return Topics.ALL.stream()
                .flatMap(topic -> Stream.of(
                        new NewTopic(prefix + topic, PARTITIONS.getOrDefault(topic, DEFAULT_PARTITIONS), REPLICATION),
                        new NewTopic(prefix + Topics.dlq(topic), DEFAULT_PARTITIONS, REPLICATION)))
                .toList();
    }
}
