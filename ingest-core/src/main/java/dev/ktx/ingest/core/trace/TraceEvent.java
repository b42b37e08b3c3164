package dev.ktx.ingest.core.trace;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ktx.ingest.core.config.Redaction;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** One trace line (docs/services.md). Optional fields are omitted from the JSON when absent; URL credentials in {@code error} are masked. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TraceEvent(
        int schemaVersion,
        Instant at,
        Level level,
        String runId,
        String connectionId,
        String phase,
        String event,
        Long durationMs,
        Map<String, Object> data,
        String error) {

    public static final int SCHEMA_VERSION = 1;

    public enum Level {
        info,
        warn,
        error
    }

    public TraceEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(event, "event");
        error = Redaction.urls(error);
        data = data == null || data.isEmpty() ? null : Map.copyOf(data);
    }
}
