package dev.ktx.ingest.core.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far the services' consumer groups are behind, from the broker alone: end offsets minus committed offsets, so
 * it is known also for a group with no member left (a stopped or crashed service). A partition a group never
 * committed counts from the log start ({@code auto.offset.reset=earliest}).
 */
public final class ConsumerGroupLag {

    /** The services' consumer groups ({@code group.id} in their {@code application.properties}) and their topics. */
    public static final Map<String, List<String>> TOPICS_BY_GROUP = Map.of(
            "ktx-planner",
                    List.of(
                            Topics.INGEST_REQUESTS,
                            Topics.UPSTREAM_EVENTS,
                            Topics.INGEST_RESULTS,
                            Topics.INGEST_STAGES,
                            Topics.INGEST_TRACES),
            "ktx-database-ingest", List.of(Topics.JOBS_DATABASE),
            "ktx-source-ingest", List.of(Topics.JOBS_SOURCE),
            "ktx-finalizer", List.of(Topics.FINALIZE_REQUESTS, Topics.ROLLBACK_REQUESTS));

    /** Records of {@code partition} that {@code group} has not committed yet. */
    public record Lag(String group, TopicPartition partition, long records) {}

    private final Admin admin;
    private final String topicPrefix;
    private final Duration timeout;

    public ConsumerGroupLag(Admin admin, String topicPrefix, Duration timeout) {
        this.admin = admin;
        this.topicPrefix = topicPrefix;
        this.timeout = timeout;
    }

    /** Every partition of every group's existing topics, including those with no lag. */
    public List<Lag> all() throws InterruptedException {
        List<Lag> lags = new ArrayList<>();
        for (Map.Entry<String, List<String>> group : TOPICS_BY_GROUP.entrySet()) {
            List<TopicPartition> partitions = partitions(group.getValue());
            Map<TopicPartition, Long> end = offsets(partitions, OffsetSpec.latest());
            Map<TopicPartition, Long> start = offsets(partitions, OffsetSpec.earliest());
            Map<TopicPartition, OffsetAndMetadata> committed =
                    get(admin.listConsumerGroupOffsets(group.getKey()).partitionsToOffsetAndMetadata());
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata offset = committed.get(partition);
                lags.add(new Lag(
                        group.getKey(),
                        partition,
                        end.get(partition) - (offset != null ? offset.offset() : start.get(partition))));
            }
        }
        return lags;
    }

    /** Every group back to the first record of each of its topics: a replay once the consumers start again. */
    public void resetToEarliest() throws InterruptedException {
        for (Map.Entry<String, List<String>> group : TOPICS_BY_GROUP.entrySet()) {
            Map<TopicPartition, OffsetAndMetadata> earliest =
                    offsets(partitions(group.getValue()), OffsetSpec.earliest()).entrySet().stream()
                            .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue())));
            get(admin.alterConsumerGroupOffsets(group.getKey(), earliest).all());
        }
    }

    /** Records ever written to each existing topic of {@code names} (with the prefix), by topic: its end offsets. */
    public Map<String, Long> written(Collection<String> names) throws InterruptedException {
        Map<String, Long> written = new HashMap<>();
        offsets(partitions(names), OffsetSpec.latest())
                .forEach((partition, end) -> written.merge(partition.topic(), end, Long::sum));
        return written;
    }

    /** The partitions of those of {@code names} that exist (a topic created on first use may not yet). */
    private List<TopicPartition> partitions(Collection<String> names) throws InterruptedException {
        Set<String> existing = get(admin.listTopics().names());
        List<String> topics = names.stream()
                .map(name -> topicPrefix + name)
                .filter(existing::contains)
                .toList();
        return get(admin.describeTopics(topics).allTopicNames()).values().stream()
                .flatMap(description -> description.partitions().stream()
                        .map(partition -> new TopicPartition(description.name(), partition.partition())))
                .toList();
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec)
            throws InterruptedException {
        Map<TopicPartition, OffsetSpec> request =
                partitions.stream().collect(Collectors.toMap(Function.identity(), p -> spec));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        get(admin.listOffsets(request).all()).forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    private <T> T get(org.apache.kafka.common.KafkaFuture<T> future) throws InterruptedException {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "the broker could not answer: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the broker did not answer within " + timeout, e);
        }
    }
}
