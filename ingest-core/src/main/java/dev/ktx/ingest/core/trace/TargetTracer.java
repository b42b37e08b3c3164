package dev.ktx.ingest.core.trace;

import java.time.Clock;
import java.util.Map;

/** Emits trace events for one target of one run, so callers name only the phase, event and data. */
public final class TargetTracer {

    private final TraceSink sink;
    private final Clock clock;
    private final String runId;
    private final String connectionId;

    public TargetTracer(TraceSink sink, Clock clock, String runId, String connectionId) {
        this.sink = sink;
        this.clock = clock;
        this.runId = runId;
        this.connectionId = connectionId;
    }

    public void info(String phase, String event, Map<String, Object> data) {
        emit(TraceEvent.Level.info, phase, event, null, data, null);
    }

    public void timed(String phase, String event, long durationMs, Map<String, Object> data) {
        emit(TraceEvent.Level.info, phase, event, durationMs, data, null);
    }

    public void warn(String phase, String event, Map<String, Object> data, String error) {
        emit(TraceEvent.Level.warn, phase, event, null, data, error);
    }

    public void error(String phase, String event, Map<String, Object> data, String error) {
        emit(TraceEvent.Level.error, phase, event, null, data, error);
    }

    private void emit(
            TraceEvent.Level level,
            String phase,
            String event,
            Long durationMs,
            Map<String, Object> data,
            String error) {
        sink.emit(new TraceEvent(
                TraceEvent.SCHEMA_VERSION,
                clock.instant(),
                level,
                runId,
                connectionId,
                phase,
                event,
                durationMs,
                data,
                error));
    }
}
