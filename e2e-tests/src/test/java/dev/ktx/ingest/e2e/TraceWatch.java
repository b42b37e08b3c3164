package dev.ktx.ingest.e2e;

import dev.ktx.ingest.core.messaging.Topics;
import dev.ktx.ingest.core.trace.TraceEvent;
import dev.ktx.ingest.core.trace.TraceJson;
import dev.ktx.ingest.testinfra.KafkaEndpoint;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The trace events published on {@code ktx.ingest.traces} from now on, read straight from the broker by a thread of
 * its own: no planner or Redis in between (both may be the fault), and little delay, so that a fault can be timed
 * to an event such as {@code final_window_entered}.
 */
final class TraceWatch implements AutoCloseable {

    private static final String TOPIC = Topics.DEFAULT_PREFIX + Topics.INGEST_TRACES;
    private static final Duration POLL = Duration.ofMillis(100);

    private final KafkaConsumer<String, String> consumer;
    private final List<TraceEvent> events = new CopyOnWriteArrayList<>();
    private final Thread poller;
    private volatile boolean running = true;

    private TraceWatch(KafkaEndpoint kafka) {
        Map<String, Object> config = new HashMap<>(kafka.clientProperties());
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                .map(info -> new TopicPartition(TOPIC, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // seekToEnd is lazy: resolve it now, or events of the next moments could be skipped
        partitions.forEach(consumer::position);
        poller = new Thread(this::poll, "trace-watch");
        poller.setDaemon(true);
    }

    static TraceWatch start(KafkaEndpoint kafka) {
        TraceWatch watch = new TraceWatch(kafka);
        watch.poller.start();
        return watch;
    }

    /** How many events arrived so far: {@link #awaitAfter} with it looks only at later ones. */
    int mark() {
        return events.size();
    }

    /** The first event after the first {@code mark} ones that matches, waiting for it up to {@code timeout}. */
    TraceEvent awaitAfter(int mark, String what, Predicate<TraceEvent> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<TraceEvent> arrived = events;
            for (int i = mark; i < arrived.size(); i++) {
                if (match.test(arrived.get(i))) {
                    return arrived.get(i);
                }
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("no trace event " + what + " within " + timeout + "; seen: " + summary());
            }
            StackProcess.sleep(Duration.ofMillis(10));
        }
    }

    /** How many events seen so far match. */
    long count(Predicate<TraceEvent> match) {
        return events.stream().filter(match).count();
    }

    /** Every event of {@code runId} seen so far, in the order published. */
    List<TraceEvent> of(String runId) {
        return events.stream().filter(event -> runId.equals(event.runId())).toList();
    }

    /** Compact {@code event:connectionId} list, for failure messages. */
    String summary() {
        return events.stream().map(e -> e.event() + (e.connectionId() != null ? ":" + e.connectionId() : ""))
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private void poll() {
        try {
            while (running) {
                consumer.poll(POLL).forEach(record -> read(record.value()));
            }
        } catch (WakeupException closing) {
            // close() woke the poller
        } finally {
            consumer.close();
        }
    }

    private void read(String line) {
        try {
            events.add(TraceJson.fromLine(line));
        } catch (RuntimeException notATrace) {
            // a poison record: the planner dead-letters it, a watch has nothing to learn from it
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            poller.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
