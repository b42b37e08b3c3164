package dev.ktx.ingest.planner.rollback;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ktx.ingest.core.window.RollbackTrace;
import java.time.Instant;
import java.util.List;

/**
 * A rollback request as the planner keeps it ({@code GET /api/ingests/{runId}/rollback/{rollbackId}}): {@code status}
 * is {@code pending} until the finalizer's outcome arrived, then {@code done}, {@code refused} or {@code failed};
 * {@code message} says what happened, {@code paths} the paths restored (done) or blocking (refused).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RollbackView(
        String rollbackId,
        String runId,
        boolean force,
        String status,
        String commit,
        String message,
        List<String> paths,
        Instant requestedAt,
        Instant finishedAt) {

    public static final String PENDING = "pending";

    static RollbackView pending(String rollbackId, String runId, boolean force, Instant at) {
        return new RollbackView(rollbackId, runId, force, PENDING, null, null, null, at, null);
    }

    /** This request with the finalizer's outcome; a rollback the planner no longer held keeps only the outcome. */
    RollbackView finished(RollbackTrace.Reported outcome) {
        return new RollbackView(
                rollbackId,
                runId,
                force,
                outcome.status(),
                outcome.commit().orElse(null),
                outcome.message(),
                outcome.paths(),
                requestedAt,
                outcome.at());
    }

    static RollbackView of(RollbackTrace.Reported outcome) {
        return new RollbackView(
                        outcome.rollbackId(), outcome.runId(), outcome.force(), PENDING, null, null, null, null, null)
                .finished(outcome);
    }
}
