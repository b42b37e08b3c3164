package dev.ktx.ingest.planner.outbound;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a topic with a consumer of its own and without a group: nothing is committed and the planner's own consumers
 * are not rebalanced. Reads stop at the end offsets taken when the scan was opened; later records reach the planner
 * through its consumers as usual. Keys and values stay raw bytes, so that a record can be published again unchanged.
 */
public final class TopicScan implements AutoCloseable {

    private static final Duration READ_LIMIT = Duration.ofMinutes(1);

    private final String topic;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<TopicPartition> partitions;
    private final Map<TopicPartition, Long> end;

    /** @param kafka the service's Kafka client settings ({@code default-kafka-broker}) */
    public TopicScan(Map<String, Object> kafka, String topic) {
        this.topic = topic;
        Map<String, Object> config = new HashMap<>(kafka);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // looking at a topic that was never written (no dead letter yet) must not create it
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "ktx-planner-scan-" + UUID.randomUUID());
        this.consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        try {
            this.partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            // assigned before offsets are asked for: the consumer keeps them only for its assigned partitions
            consumer.assign(partitions);
            this.end = consumer.endOffsets(partitions);
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    /** The topic's partitions; none when the topic does not exist. */
    public List<TopicPartition> partitions() {
        return partitions;
    }

    public Map<TopicPartition, Long> beginning() {
        return consumer.beginningOffsets(partitions);
    }

    /** The end offsets taken when the scan was opened. */
    public Map<TopicPartition, Long> end() {
        return end;
    }

    /** Per partition, the first offset of a record written at {@code since} or later (the end offset if none). */
    public Map<TopicPartition, Long> since(Instant since) {
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(partitions.stream()
                .collect(Collectors.toMap(partition -> partition, partition -> since.toEpochMilli())));
        return partitions.stream()
                .collect(Collectors.toMap(
                        partition -> partition,
                        partition -> found.get(partition) == null
                                ? end.get(partition)
                                : found.get(partition).offset()));
    }

    /**
     * Hands the records of the given partitions, from the given offsets up to the end offsets, to {@code visitor},
     * in offset order within a partition, until it answers {@code false}.
     */
    public void read(Map<TopicPartition, Long> from, Predicate<ConsumerRecord<byte[], byte[]>> visitor) {
        consumer.assign(from.keySet());
        from.forEach(consumer::seek);
        long deadline = System.nanoTime() + READ_LIMIT.toNanos();
        while (from.keySet().stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read " + topic + " to its end within " + READ_LIMIT);
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))
                        && !visitor.test(record)) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
