package dev.ktx.ingest.e2e;

import dev.ktx.ingest.core.messaging.Topics;
import dev.ktx.ingest.testinfra.KafkaEndpoint;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What the services dead-lettered since a drill started. Only a message that cannot be read may go to a
 * {@code .dlq} topic (docs/reliability.md); anything else there is a failure that no target's result reports.
 */
final class DeadLetters {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration READ_LIMIT = Duration.ofSeconds(30);

    private final KafkaEndpoint kafka;
    private final Map<TopicPartition, Long> start;

    private DeadLetters(KafkaEndpoint kafka, Map<TopicPartition, Long> start) {
        this.kafka = kafka;
        this.start = start;
    }

    /** Remembers where every dead-letter topic ends now. */
    static DeadLetters mark(KafkaEndpoint kafka) {
        try (KafkaConsumer<String, String> consumer = consumer(kafka)) {
            List<TopicPartition> partitions = Topics.ALL.stream()
                    .map(topic -> Topics.DEFAULT_PREFIX + Topics.dlq(topic))
                    .flatMap(topic -> consumer.partitionsFor(topic).stream())
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            return new DeadLetters(kafka, new HashMap<>(consumer.endOffsets(partitions)));
        }
    }

    /** {@code <topic>: <dead-letter-reason>} of each record dead-lettered since the mark. */
    List<String> since() {
        List<String> letters = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer(kafka)) {
            consumer.assign(start.keySet());
            start.forEach(consumer::seek);
            Map<TopicPartition, Long> end = consumer.endOffsets(start.keySet());
            long deadline = System.nanoTime() + READ_LIMIT.toNanos();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                if (System.nanoTime() - deadline > 0) {
                    letters.add("(dead-letter topics not read to their end within " + READ_LIMIT + ")");
                    break;
                }
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    String reason = Optional.ofNullable(record.headers().lastHeader("dead-letter-reason"))
                            .map(Header::value)
                            .map(value -> new String(value, StandardCharsets.UTF_8))
                            .orElse("(no reason)");
                    letters.add(record.topic() + ": " + reason);
                }
            }
        }
        return letters;
    }

    private static KafkaConsumer<String, String> consumer(KafkaEndpoint kafka) {
        return new KafkaConsumer<>(
                new HashMap<>(kafka.clientProperties()), new StringDeserializer(), new StringDeserializer());
    }
}
