package dev.ktx.ingest.planner.dlq;

import dev.ktx.ingest.planner.outbound.TopicScan;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Reads the dead-letter topics. */
@ApplicationScoped
public class DeadLetters {

    private static final Comparator<ConsumerRecord<?, ?>> BY_PLACE = Comparator.<ConsumerRecord<?, ?>>comparingInt(
                    ConsumerRecord::partition)
            .thenComparingLong(ConsumerRecord::offset);

    /** The newest records of a dead-letter topic and how many it holds in all. */
    public record Page(long total, List<ConsumerRecord<byte[], byte[]>> records) {}

    private final Map<String, Object> kafka;
    private final String topicPrefix;

    public DeadLetters(
            @Identifier("default-kafka-broker") Map<String, Object> kafka,
            @ConfigProperty(name = "ktx.topic-prefix") String topicPrefix) {
        this.kafka = kafka;
        this.topicPrefix = topicPrefix;
    }

    /** @see DeadLetterTopic#resolve */
    public DeadLetterTopic topic(String given) {
        return DeadLetterTopic.resolve(given, topicPrefix);
    }

    /** The newest {@code limit} records (the last ones dead-lettered), by partition and offset. */
    public Page newest(DeadLetterTopic topic, int limit) {
        try (TopicScan scan = new TopicScan(kafka, topic.dlq())) {
            Map<TopicPartition, Long> beginning = scan.beginning();
            long total = scan.partitions().stream()
                    .mapToLong(p -> scan.end().get(p) - beginning.get(p))
                    .sum();
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            // a partition's newest records are its last ones; the newest of all are among them
            scan.read(
                    scan.partitions().stream()
                            .collect(Collectors.toMap(
                                    p -> p,
                                    p -> Math.max(beginning.get(p), scan.end().get(p) - limit))),
                    records::add);
            List<ConsumerRecord<byte[], byte[]>> newest = records.stream()
                    .sorted(Comparator.comparingLong(ConsumerRecord::timestamp))
                    .toList();
            return new Page(
                    total,
                    newest.subList(Math.max(0, newest.size() - limit), newest.size()).stream()
                            .sorted(BY_PLACE)
                            .toList());
        }
    }

    /** Every record of the dead-letter topic, by partition and offset. */
    public List<ConsumerRecord<byte[], byte[]>> all(DeadLetterTopic topic) {
        try (TopicScan scan = new TopicScan(kafka, topic.dlq())) {
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            scan.read(scan.beginning(), records::add);
            return records.stream().sorted(BY_PLACE).toList();
        }
    }

    /**
     * The record at {@code offset}; {@code partition} may be left out when the topic has one partition.
     *
     * @throws IllegalArgumentException naming the field when there is no such record
     */
    public ConsumerRecord<byte[], byte[]> at(DeadLetterTopic topic, Integer partition, long offset) {
        try (TopicScan scan = new TopicScan(kafka, topic.dlq())) {
            TopicPartition place = partition(scan, topic, partition);
            List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
            if (offset >= scan.beginning().get(place)) {
                // the first record from there is the one asked for, or a later one when that offset holds none
                scan.read(Map.of(place, offset), record -> {
                    if (record.offset() == offset) {
                        found.add(record);
                    }
                    return false;
                });
            }
            if (found.isEmpty()) {
                throw new IllegalArgumentException("offset: no record at offset " + offset + " of " + topic.dlq()
                        + " partition " + place.partition());
            }
            return found.get(0);
        }
    }

    private static TopicPartition partition(TopicScan scan, DeadLetterTopic topic, Integer partition) {
        if (scan.partitions().isEmpty()) {
            throw new IllegalArgumentException("offset: " + topic.dlq() + " holds no records");
        }
        if (partition == null) {
            if (scan.partitions().size() != 1) {
                throw new IllegalArgumentException("partition: required, " + topic.dlq() + " has "
                        + scan.partitions().size() + " partitions");
            }
            return scan.partitions().get(0);
        }
        TopicPartition place = new TopicPartition(topic.dlq(), partition);
        if (!scan.partitions().contains(place)) {
            throw new IllegalArgumentException("partition: " + topic.dlq() + " has no partition " + partition);
        }
        return place;
    }
}
