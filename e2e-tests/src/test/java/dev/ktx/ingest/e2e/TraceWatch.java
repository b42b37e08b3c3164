package dev.ktx.ingest.e2e;

import dev.ktx.ingest.core.messaging.Topics;
import dev.ktx.ingest.core.trace.TraceEvent;
import dev.ktx.ingest.core.trace.TraceJson;
import dev.ktx.ingest.testinfra.KafkaEndpoint;
import java.time.Duration;
import java.util.List;
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

    private final List<TraceEvent> events = new CopyOnWriteArrayList<>();
    private final TopicTail tail;

    private TraceWatch(KafkaEndpoint kafka) {
        this.tail = TopicTail.start(kafka, List.of(TOPIC), record -> read(record.value()), "trace-watch");
    }

    static TraceWatch start(KafkaEndpoint kafka) {
        return new TraceWatch(kafka);
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
        return events.stream()
                .map(e -> e.event() + (e.connectionId() != null ? ":" + e.connectionId() : ""))
                .collect(Collectors.joining(", ", "[", "]"));
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
        tail.close();
    }
}
