package dev.ktx.ingest.planner.restore;

import dev.ktx.ingest.core.messaging.InvalidMessageException;
import dev.ktx.ingest.core.messaging.MessageCodec;
import dev.ktx.ingest.core.messaging.TargetJobMessage;
import dev.ktx.ingest.core.messaging.TargetResultMessage;
import dev.ktx.ingest.core.messaging.Topics;
import dev.ktx.ingest.core.plan.TargetResult;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a run left on the topics, read back when Redis lost the run's state: its results and its released source
 * jobs. A consumer without a group (nothing committed, no rebalance of the planner's own consumers) reads every
 * partition from the run's start, found by record time less a margin for clock skew between services, to the end
 * offsets taken when the read began; later records reach the planner through its consumers as usual.
 */
@ApplicationScoped
public class RunTopics {

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(10);
    private static final Duration READ_LIMIT = Duration.ofMinutes(1);

    private final Map<String, Object> kafka;
    private final String topicPrefix;

    public RunTopics(@Identifier("default-kafka-broker") Map<String, Object> kafka,
                     @ConfigProperty(name = "ktx.topic-prefix") String topicPrefix) {
        this.kafka = kafka;
        this.topicPrefix = topicPrefix;
    }

    /** The first result of each target of the run, by connection, as the planner would have stored it. */
    public Map<String, TargetResult> firstResults(String runId, Instant startedAt) {
        Map<String, TargetResult> first = new LinkedHashMap<>();
        read(Topics.INGEST_RESULTS, startedAt, json -> MessageCodec.read(json, TargetResultMessage.class)).stream()
                .filter(message -> message.runId().equals(runId))
                .forEach(message -> first.putIfAbsent(message.result().connectionId(), message.result()));
        return first;
    }

    /** The connections whose source job of the run was released. */
    public Set<String> releasedSources(String runId, Instant startedAt) {
        return read(Topics.JOBS_SOURCE, startedAt, json -> MessageCodec.read(json, TargetJobMessage.class)).stream()
                .filter(job -> job.runId().equals(runId)).map(TargetJobMessage::connectionId).collect(Collectors.toSet());
    }

    /** The readable values of {@code topic} since {@code since}, partition by partition in offset order. */
    private <T> List<T> read(String topic, Instant since, Function<String, T> parse) {
        List<T> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig(), new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topicPrefix + topic).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long from = since.minus(CLOCK_SKEW).toEpochMilli();
            Map<TopicPartition, OffsetAndTimestamp> start = consumer.offsetsForTimes(
                    partitions.stream().collect(Collectors.toMap(partition -> partition, partition -> from)));
            partitions.forEach(partition -> consumer.seek(partition,
                    start.get(partition) == null ? end.get(partition) : start.get(partition).offset()));
            long deadline = System.nanoTime() + READ_LIMIT.toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topicPrefix + topic + " to its end within " + READ_LIMIT);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        parsed(record.value(), parse, values);
                    }
                }
            }
        }
        return values;
    }

    /** An unreadable record went to the dead-letter topic when it was consumed; here it is passed over. */
    private static <T> void parsed(String value, Function<String, T> parse, List<T> values) {
        try {
            values.add(parse.apply(value));
        } catch (InvalidMessageException unreadable) {
            // skipped, see above
        }
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> config = new HashMap<>(kafka);
        config.keySet().removeIf(key -> key.equals(ConsumerConfig.GROUP_ID_CONFIG));
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "ktx-planner-restore-" + UUID.randomUUID());
        return config;
    }
}
