package dev.ktx.ingest.core.git;

import java.util.Objects;
import java.util.OptionalLong;

/** What a rollback commit says about itself besides the run: the request it answers and the lock's fencing token. */
public record RollbackMetadata(String rollbackId, OptionalLong lockToken) {

    public RollbackMetadata {
        Objects.requireNonNull(rollbackId, "rollbackId");
        Objects.requireNonNull(lockToken, "lockToken");
    }
}
