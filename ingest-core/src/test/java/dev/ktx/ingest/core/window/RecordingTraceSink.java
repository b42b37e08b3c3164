package dev.ktx.ingest.core.window;

import dev.ktx.ingest.core.trace.TraceEvent;
import dev.ktx.ingest.core.trace.TraceSink;
import java.util.ArrayList;
import java.util.List;

/** Keeps emitted trace events in memory for assertions. */
final class RecordingTraceSink implements TraceSink {

    private final List<TraceEvent> events = new ArrayList<>();

    @Override
    public synchronized void emit(TraceEvent event) {
        events.add(event);
    }

    synchronized List<String> names() {
        return events.stream().map(TraceEvent::event).toList();
    }

    synchronized List<TraceEvent> named(String event) {
        return events.stream().filter(e -> e.event().equals(event)).toList();
    }
}
