package dev.ktx.ingest.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ktx.ingest.testinfra.KafkaEndpoint;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Delivers messages a second time, as Kafka's at-least-once delivery may: reads every record published on the
 * topics from now on and produces an exact copy (key, value, headers) right after it. Each message is copied once,
 * known by its run and target (or stage), so that neither the copies nor a finalizer's re-sent deferral are
 * copied again.
 */
final class TopicDuplicator implements AutoCloseable {

    static final String COPY_HEADER = "ktx-e2e-copy";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaConsumer<String, String> consumer;
    private final KafkaProducer<String, String> producer;
    private final Set<String> copiedMessages = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> copiesByTopic = new ConcurrentSkipListMap<>();
    private final Thread copier;
    private volatile boolean running = true;
    private boolean closed;

    private TopicDuplicator(KafkaEndpoint kafka, List<String> topics) {
        Map<String, Object> config = new HashMap<>(kafka.clientProperties());
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = topics.stream().flatMap(topic -> consumer.partitionsFor(topic).stream())
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        Map<String, Object> producerConfig = new HashMap<>(kafka.clientProperties());
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer());
        copier = new Thread(this::copy, "topic-duplicator");
        copier.setDaemon(true);
    }

    static TopicDuplicator start(KafkaEndpoint kafka, List<String> topics) {
        TopicDuplicator duplicator = new TopicDuplicator(kafka, topics);
        duplicator.copier.start();
        return duplicator;
    }

    /** How many messages each topic got a copy of so far. */
    Map<String, Integer> copies() {
        return Map.copyOf(copiesByTopic);
    }

    private void copy() {
        try {
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    if (copiedMessages.add(record.topic() + " " + identity(record.value()))) {
                        ProducerRecord<String, String> copy = new ProducerRecord<>(record.topic(), record.key(), record.value());
                        record.headers().forEach(header -> copy.headers().add(header));
                        copy.headers().add(COPY_HEADER, "true".getBytes(StandardCharsets.UTF_8));
                        producer.send(copy).get();
                        copiesByTopic.merge(record.topic(), 1, Integer::sum);
                    }
                }
            }
        } catch (WakeupException closing) {
            // close() woke the copier
        } catch (Exception e) {
            throw new IllegalStateException("cannot copy records", e);
        } finally {
            consumer.close();
        }
    }

    /** {@code runId} plus the target ({@code connectionId}, or {@code result.connectionId}) or the stage. */
    private static String identity(String json) {
        try {
            JsonNode message = JSON.readTree(json);
            JsonNode target = message.path("connectionId").isMissingNode() ? message.path("result").path("connectionId")
                    : message.path("connectionId");
            return message.path("runId").asText() + "/" + (target.isMissingNode() ? message.path("stage").asText() : target.asText());
        } catch (Exception unreadable) {
            return json;
        }
    }

    /** Stops copying; a later close does nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        running = false;
        consumer.wakeup();
        try {
            copier.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close();
    }
}
