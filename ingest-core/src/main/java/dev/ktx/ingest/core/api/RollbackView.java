package dev.ktx.ingest.core.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A rollback request as the planner keeps it, the answer to {@code POST /api/ingests/{runId}/rollback} and
 * {@code GET /api/ingests/{runId}/rollback/{rollbackId}}: {@code status} is {@code pending} until the finalizer's
 * outcome arrived, then {@code done}, {@code refused} or {@code failed}; {@code message} says what happened,
 * {@code paths} the paths restored (done) or blocking (refused).
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
    public static final String DONE = "done";

    /** A request the finalizer has not answered yet. */
    public static RollbackView pending(String rollbackId, String runId, boolean force, Instant at) {
        return new RollbackView(rollbackId, runId, force, PENDING, null, null, null, at, null);
    }
}
