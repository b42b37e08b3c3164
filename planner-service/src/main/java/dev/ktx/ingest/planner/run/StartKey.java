package dev.ktx.ingest.planner.run;

import java.util.Objects;

/**
 * What makes two starts the same start: a request's {@code requestId} (over REST, the {@code Idempotency-Key}
 * header), a CloudEvent's {@code source} and {@code id} (which maps to the debounce window the event joined), or the
 * id of the debounce window that starts a run.
 */
public record StartKey(String kind, String value) {

    public StartKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }

    public static StartKey requestId(String requestId) {
        return new StartKey("request", requestId);
    }

    public static StartKey window(String windowId) {
        return new StartKey("window", windowId);
    }

    public static StartKey cloudEvent(String source, String id) {
        // CloudEvents 1.0: source + id identify an event; the length prefix keeps "a/b" + "c" apart from "a" + "b/c"
        return new StartKey("event", source.length() + ":" + source + id);
    }
}
