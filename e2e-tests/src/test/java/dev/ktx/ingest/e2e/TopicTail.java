package dev.ktx.ingest.e2e;

import dev.ktx.ingest.testinfra.KafkaEndpoint;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Hands every record published on some topics from now on to a handler, on a thread of its own, with little delay
 * and without a consumer group (nothing to join or rebalance; a broker restart only pauses it).
 */
final class TopicTail implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);

    private final KafkaConsumer<String, String> consumer;
    private final Consumer<ConsumerRecord<String, String>> handler;
    private final Thread poller;
    private volatile boolean running = true;
    private boolean closed;

    private TopicTail(
            KafkaEndpoint kafka, List<String> topics, Consumer<ConsumerRecord<String, String>> handler, String name) {
        Map<String, Object> config = new HashMap<>(kafka.clientProperties());
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        this.handler = handler;
        List<TopicPartition> partitions = topics.stream()
                .flatMap(topic -> consumer.partitionsFor(topic).stream())
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // seekToEnd is lazy: resolve it now, or records of the next moments could be skipped
        partitions.forEach(consumer::position);
        this.poller = new Thread(this::poll, name);
        poller.setDaemon(true);
    }

    /** @param handler called on the tail's thread, in the order of each partition */
    static TopicTail start(
            KafkaEndpoint kafka, List<String> topics, Consumer<ConsumerRecord<String, String>> handler, String name) {
        TopicTail tail = new TopicTail(kafka, topics, handler, name);
        tail.poller.start();
        return tail;
    }

    private void poll() {
        try {
            while (running) {
                consumer.poll(POLL).forEach(handler);
            }
        } catch (WakeupException closing) {
            // close() woke the poller
        } finally {
            consumer.close();
        }
    }

    /** Stops the tail; a later close does nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        running = false;
        consumer.wakeup();
        try {
            poller.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
