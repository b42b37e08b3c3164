package dev.ktx.ingest.planner.trigger;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * What happened to an upstream event; {@code POST /api/events} answers it, {@code ktx_upstream_events_total} counts it.
 *
 * @param windowId the debounce window the event opened or joined (for a duplicate: the one it joined before)
 * @param runId    the run the event started (a window of {@code ingest.debounce: 0s} starts at once)
 * @param dueAt    when the window's run starts
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventOutcome(Outcome outcome, String windowId, String runId, Instant dueAt) {

    static EventOutcome unmatched() {
        return new EventOutcome(Outcome.unmatched, null, null, null);
    }

    public enum Outcome {
        /** A run started for the event at once (no debounce). */
        started,
        /** The event opened a debounce window. */
        opened,
        /** The event joined an open window. */
        coalesced,
        /** The event ({@code source} + {@code id}) was seen before; nothing changed. */
        duplicate,
        /** No trigger rule matches the event; it is acknowledged, not dead-lettered. */
        unmatched,
        /** The event cannot be read or names no (known) project: dead-lettered, or a 400. */
        malformed,
        /** The event was readable but could not be handled (say, the project's ktx.yaml is invalid). */
        rejected
    }
}
