package dev.ktx.ingest.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ktx.ingest.testinfra.KafkaEndpoint;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Delivers messages a second time, as Kafka's at-least-once delivery may: reads every record published on the
 * topics from now on and produces an exact copy (key, value, headers) right after it. Each message is copied once,
 * known by its run and target (or stage), so that neither the copies nor a finalizer's re-sent deferral are
 * copied again.
 */
final class TopicDuplicator implements AutoCloseable {

    static final String COPY_HEADER = "ktx-e2e-copy";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaProducer<String, String> producer;
    private final Set<String> copiedMessages = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> copiesByTopic = new ConcurrentSkipListMap<>();
    private final TopicTail tail;

    private TopicDuplicator(KafkaEndpoint kafka, List<String> topics) {
        Map<String, Object> producerConfig = new HashMap<>(kafka.clientProperties());
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer());
        tail = TopicTail.start(kafka, topics, this::copy, "topic-duplicator");
    }

    static TopicDuplicator start(KafkaEndpoint kafka, List<String> topics) {
        return new TopicDuplicator(kafka, topics);
    }

    /** How many messages each topic got a copy of so far. */
    Map<String, Integer> copies() {
        return Map.copyOf(copiesByTopic);
    }

    private void copy(ConsumerRecord<String, String> record) {
        if (!copiedMessages.add(record.topic() + " " + identity(record.value()))) {
            return;
        }
        ProducerRecord<String, String> copy = new ProducerRecord<>(record.topic(), record.key(), record.value());
        record.headers().forEach(header -> copy.headers().add(header));
        copy.headers().add(COPY_HEADER, "true".getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(copy).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while copying a record of " + record.topic(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot copy a record of " + record.topic(), e);
        }
        copiesByTopic.merge(record.topic(), 1, Integer::sum);
    }

    /** {@code runId} plus the target ({@code connectionId}, or {@code result.connectionId}) or the stage. */
    private static String identity(String json) {
        try {
            JsonNode message = JSON.readTree(json);
            JsonNode target = message.path("connectionId").isMissingNode()
                    ? message.path("result").path("connectionId")
                    : message.path("connectionId");
            return message.path("runId").asText() + "/"
                    + (target.isMissingNode() ? message.path("stage").asText() : target.asText());
        } catch (Exception unreadable) {
            return json;
        }
    }

    /** Stops copying; a later close does nothing. */
    @Override
    public void close() {
        tail.close();
        producer.close();
    }
}
