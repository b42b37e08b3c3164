package dev.ktx.ingest.e2e;

import dev.ktx.ingest.core.messaging.Topics;
import dev.ktx.ingest.testinfra.KafkaEndpoint;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The services' consumer groups and the topics each consumes (the {@code group.id}s of their
 * {@code application.properties}; docs/reliability.md): how far behind they are, and a reset to the earliest offset
 * for a replay.
 */
final class ConsumerGroups {

    static final Map<String, List<String>> TOPICS_BY_GROUP = Map.of(
            "ktx-planner", List.of(Topics.INGEST_REQUESTS, Topics.UPSTREAM_EVENTS, Topics.INGEST_RESULTS,
                    Topics.INGEST_STAGES, Topics.INGEST_TRACES),
            "ktx-database-ingest", List.of(Topics.JOBS_DATABASE),
            "ktx-source-ingest", List.of(Topics.JOBS_SOURCE),
            "ktx-finalizer", List.of(Topics.FINALIZE_REQUESTS));

    private static final int TIMEOUT_SECONDS = 15;

    private final KafkaEndpoint kafka;

    ConsumerGroups(KafkaEndpoint kafka) {
        this.kafka = kafka;
    }

    /**
     * Records not yet committed, per {@code group topic-partition}, only where some are. A partition the group never
     * committed counts from the log start ({@code auto.offset.reset=earliest}).
     */
    Map<String, Long> lag() throws Exception {
        try (Admin admin = admin()) {
            Map<String, Long> lag = new TreeMap<>();
            for (Map.Entry<String, List<String>> group : TOPICS_BY_GROUP.entrySet()) {
                List<TopicPartition> partitions = partitions(admin, group.getValue());
                Map<TopicPartition, Long> end = offsets(admin, partitions, OffsetSpec.latest());
                Map<TopicPartition, Long> start = offsets(admin, partitions, OffsetSpec.earliest());
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.getKey())
                        .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                for (TopicPartition partition : partitions) {
                    OffsetAndMetadata offset = committed.get(partition);
                    long behind = end.get(partition) - (offset != null ? offset.offset() : start.get(partition));
                    if (behind > 0) {
                        lag.put(group.getKey() + " " + partition, behind);
                    }
                }
            }
            return lag;
        }
    }

    /** Every group back to the first record of each of its topics: a replay once the consumers start again. */
    void resetToEarliest() throws Exception {
        try (Admin admin = admin()) {
            for (Map.Entry<String, List<String>> group : TOPICS_BY_GROUP.entrySet()) {
                List<TopicPartition> partitions = partitions(admin, group.getValue());
                Map<TopicPartition, OffsetAndMetadata> earliest = offsets(admin, partitions, OffsetSpec.earliest())
                        .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue())));
                admin.alterConsumerGroupOffsets(group.getKey(), earliest).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
        }
    }

    private List<TopicPartition> partitions(Admin admin, List<String> topics) throws Exception {
        List<String> names = topics.stream().map(topic -> Topics.DEFAULT_PREFIX + topic).toList();
        return admin.describeTopics(names).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).values().stream()
                .flatMap(description -> description.partitions().stream()
                        .map(partition -> new TopicPartition(description.name(), partition.partition())))
                .toList();
    }

    private static Map<TopicPartition, Long> offsets(Admin admin, List<TopicPartition> partitions, OffsetSpec spec)
            throws Exception {
        Map<TopicPartition, OffsetSpec> request = partitions.stream().collect(Collectors.toMap(Function.identity(), p -> spec));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        admin.listOffsets(request).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    private Admin admin() {
        Map<String, Object> config = new HashMap<>(kafka.clientProperties());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_SECONDS * 1000);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_SECONDS * 1000);
        return Admin.create(config);
    }
}
