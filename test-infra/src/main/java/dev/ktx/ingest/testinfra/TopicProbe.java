package dev.ktx.ingest.testinfra;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** For tests on the shared broker: reads what a service published on a topic (from the start) and publishes input. */
public final class TopicProbe implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    /** On the JVM's shared broker ({@link KafkaService#shared()}). */
    public TopicProbe(String topic) {
        this(KafkaService.shared().endpoint(), topic);
    }

    public TopicProbe(KafkaEndpoint kafka, String topic) {
        Map<String, Object> config = new HashMap<>(kafka.clientProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /** All records seen so far, after polling until {@code count} are there or the time is up. */
    public List<ConsumerRecord<String, String>> await(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (seen.size() < count && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        return List.copyOf(seen);
    }

    /** The first record (from the start of the topic) that matches, polling until it arrives or the time is up. */
    public Optional<ConsumerRecord<String, String>> awaitMatching(
            Predicate<ConsumerRecord<String, String>> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<ConsumerRecord<String, String>> found =
                    seen.stream().filter(match).findFirst();
            if (found.isPresent() || System.nanoTime() >= deadline) {
                return found;
            }
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
    }

    /** Publishes on the JVM's shared broker ({@link KafkaService#shared()}). */
    public static void send(String topic, String key, String value) {
        send(KafkaService.shared().endpoint(), topic, key, value);
    }

    public static void send(KafkaEndpoint kafka, String topic, String key, String value) {
        send(kafka, topic, key, value, Map.of());
    }

    /** Publishes with these headers (UTF-8 values) on the JVM's shared broker. */
    public static void send(String topic, String key, String value, Map<String, String> headers) {
        send(KafkaService.shared().endpoint(), topic, key, value, headers);
    }

    public static void send(KafkaEndpoint kafka, String topic, String key, String value, Map<String, String> headers) {
        Map<String, Object> config = new HashMap<>(kafka.clientProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish to " + topic, e);
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
