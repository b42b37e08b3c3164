package dev.ktx.ingest.bench;

import dev.ktx.ingest.core.trace.TraceEvent;
import dev.ktx.ingest.core.trace.TraceEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Durations read from one run's trace ({@code ktx ingest trace}), in milliseconds. */
record RunTrace(List<TraceEvent> events) {

    /** {@code run_started} → {@code run_finished}. */
    double makespan() {
        return between(first(null, TraceEvents.RUN_STARTED), first(null, TraceEvents.RUN_FINISHED));
    }

    /**
     * The target's wall time: its {@code target_started} → its last event ({@code squash_finished}, or
     * {@code final_window_left} when its session changed nothing on {@code main}).
     */
    double targetWall(String connectionId) {
        TraceEvent last = events.stream()
                .filter(e -> connectionId.equals(e.connectionId()))
                .reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("no event of " + connectionId + " in the trace"));
        return between(first(connectionId, TraceEvents.TARGET_STARTED), last);
    }

    /** The target's job alone: its {@code target_started} → its {@code target_finished}. */
    double job(String connectionId) {
        return between(
                first(connectionId, TraceEvents.TARGET_STARTED), first(connectionId, TraceEvents.TARGET_FINISHED));
    }

    /** The target's {@code target_started}, from the start of the run. */
    double started(String connectionId) {
        return between(first(null, TraceEvents.RUN_STARTED), first(connectionId, TraceEvents.TARGET_STARTED));
    }

    /** The target's {@code target_finished} → its {@code final_window_entered}: the hop to the finalizer. */
    double handOff(String connectionId) {
        return between(
                first(connectionId, TraceEvents.TARGET_FINISHED),
                first(connectionId, TraceEvents.FINAL_WINDOW_ENTERED));
    }

    /** {@code final_window_entered} → {@code final_window_left} of each target that went through the window. */
    List<Double> windows() {
        List<Double> windows = new ArrayList<>();
        for (TraceEvent entered : events) {
            if (entered.event().equals(TraceEvents.FINAL_WINDOW_ENTERED)) {
                find(entered.connectionId(), TraceEvents.FINAL_WINDOW_LEFT)
                        .ifPresent(left -> windows.add(between(entered, left)));
            }
        }
        return windows;
    }

    /** Each event of the target as {@code <event> +<ms>} from its {@code target_started}, in order. */
    List<String> timeline(String connectionId) {
        TraceEvent started = first(connectionId, TraceEvents.TARGET_STARTED);
        return events.stream()
                .filter(e -> connectionId.equals(e.connectionId()))
                .map(e -> String.format("%s +%.0f", e.event(), between(started, e)))
                .toList();
    }

    /** The largest number of the given targets between their {@code target_started} and {@code target_finished}. */
    int mostInFlight(Collection<String> connectionIds) {
        int running = 0;
        int most = 0;
        for (TraceEvent event : events) {
            if (event.connectionId() == null || !connectionIds.contains(event.connectionId())) {
                continue;
            }
            if (event.event().equals(TraceEvents.TARGET_STARTED)) {
                most = Math.max(most, ++running);
            } else if (event.event().equals(TraceEvents.TARGET_FINISHED)) {
                running--;
            }
        }
        return most;
    }

    /**
     * The mean number of the given targets between their {@code target_started} and {@code target_finished}, over
     * the time from the first one's start to the last one's end: how full the slots were kept.
     */
    double meanInFlight(Collection<String> connectionIds) {
        int running = 0;
        double weighted = 0;
        Instant since = null;
        Instant last = null;
        for (TraceEvent event : events) {
            boolean started = event.event().equals(TraceEvents.TARGET_STARTED);
            if (event.connectionId() == null
                    || !connectionIds.contains(event.connectionId())
                    || !started && !event.event().equals(TraceEvents.TARGET_FINISHED)) {
                continue;
            }
            if (since == null) {
                since = event.at();
            } else {
                weighted += running * millis(last, event.at());
            }
            running += started ? 1 : -1;
            last = event.at();
        }
        return since == null || !last.isAfter(since) ? 0 : weighted / millis(since, last);
    }

    private TraceEvent first(String connectionId, String event) {
        return find(connectionId, event)
                .orElseThrow(() -> new IllegalStateException(
                        "no " + event + (connectionId == null ? "" : " of " + connectionId) + " in the trace of run "
                                + (events.isEmpty() ? "?" : events.get(0).runId())));
    }

    private Optional<TraceEvent> find(String connectionId, String event) {
        return events.stream()
                .filter(e -> e.event().equals(event))
                .filter(e -> connectionId == null || connectionId.equals(e.connectionId()))
                .findFirst();
    }

    private static double between(TraceEvent from, TraceEvent to) {
        return millis(from.at(), to.at());
    }

    private static double millis(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e6;
    }
}
