package dev.ktx.ingest.core.window;

import java.util.Objects;

/** Roll back run {@code runId}, asked as request {@code rollbackId}; {@code force} overrides later changes. */
public record RollbackRequest(String runId, String rollbackId, boolean force) {

    public RollbackRequest {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(rollbackId, "rollbackId");
    }
}
