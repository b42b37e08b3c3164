package dev.ktx.ingest.core.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;

/** The one JSON form of a trace event: a single line, ISO-8601 instants, absent fields omitted. */
public final class TraceJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private TraceJson() {}

    public static String toLine(TraceEvent event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TraceEvent fromLine(String line) {
        try {
            return MAPPER.readValue(line, TraceEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a trace event: " + e.getOriginalMessage(), e);
        }
    }
}
