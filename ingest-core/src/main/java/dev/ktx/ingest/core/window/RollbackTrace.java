package dev.ktx.ingest.core.window;

import dev.ktx.ingest.core.trace.TraceEvent;
import dev.ktx.ingest.core.trace.TraceEvents;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A rollback's outcome as the trace event that carries it ({@code rollback_finished} or {@code rollback_refused},
 * with the run id): the finalizer publishes it, the planner keeps it for {@code ktx ingest rollback}, and it lands in
 * the run's trace when the planner still holds the run.
 */
public final class RollbackTrace {

    /** The outcome as read back: {@code status} is {@code done}, {@code refused} or {@code failed}. */
    public record Reported(
            String rollbackId,
            String runId,
            boolean force,
            String status,
            Optional<String> commit,
            String message,
            List<String> paths,
            Instant at) {

        public Reported {
            paths = List.copyOf(paths);
        }
    }

    private RollbackTrace() {}

    /** The event of a decided outcome (not one to retry). */
    public static TraceEvent event(RollbackRequest request, RollbackOutcome outcome, Instant at) {
        if (outcome.retry()) {
            throw new IllegalArgumentException("no event for an undecided rollback: " + outcome.status());
        }
        boolean done = outcome.status() == RollbackOutcome.Status.DONE;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("rollbackId", request.rollbackId());
        data.put("outcome", outcome.status().name().toLowerCase(Locale.ROOT));
        data.put("force", request.force());
        outcome.commit().ifPresent(commit -> data.put("commit", commit));
        data.put("paths", outcome.paths());
        if (done) {
            data.put("message", outcome.message());
        }
        return new TraceEvent(
                TraceEvent.SCHEMA_VERSION,
                at,
                done ? TraceEvent.Level.info : TraceEvent.Level.error,
                request.runId(),
                null,
                RollbackWindow.PHASE,
                done ? TraceEvents.ROLLBACK_FINISHED : TraceEvents.ROLLBACK_REFUSED,
                null,
                data,
                done ? null : outcome.message());
    }

    /** The outcome an event carries; empty for any other event. */
    public static Optional<Reported> read(TraceEvent event) {
        boolean finished = event.event().equals(TraceEvents.ROLLBACK_FINISHED);
        if (!finished && !event.event().equals(TraceEvents.ROLLBACK_REFUSED)
                || event.data() == null
                || !(event.data().get("rollbackId") instanceof String rollbackId)) {
            return Optional.empty();
        }
        Map<String, Object> data = event.data();
        List<String> paths = data.get("paths") instanceof List<?> list
                ? list.stream().map(String::valueOf).toList()
                : List.of();
        String message = finished ? String.valueOf(data.getOrDefault("message", "")) : event.error();
        return Optional.of(new Reported(
                rollbackId,
                event.runId(),
                Boolean.TRUE.equals(data.get("force")),
                String.valueOf(data.get("outcome")),
                Optional.ofNullable((String) data.get("commit")),
                message,
                paths,
                event.at()));
    }
}
