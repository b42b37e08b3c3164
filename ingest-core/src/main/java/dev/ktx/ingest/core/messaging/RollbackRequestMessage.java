package dev.ktx.ingest.core.messaging;

import static dev.ktx.ingest.core.messaging.Messages.require;
import static dev.ktx.ingest.core.messaging.Messages.requireSchemaVersion;

/**
 * Roll back run {@code runId} of {@code project} ({@code rollback.requests}, planner → finalizer, keyed by run).
 * {@code rollbackId} names the request: its outcome comes back as a {@code rollback_finished} or
 * {@code rollback_refused} trace event carrying it. {@code force} restores the pre-run content over later changes.
 */
public record RollbackRequestMessage(
        int schemaVersion, String rollbackId, String runId, ProjectRef project, boolean force) {

    public RollbackRequestMessage {
        requireSchemaVersion(schemaVersion);
        require(rollbackId, "rollbackId");
        require(runId, "runId");
        require(project, "project");
    }

    public static RollbackRequestMessage of(String rollbackId, String runId, ProjectRef project, boolean force) {
        return new RollbackRequestMessage(Messages.SCHEMA_VERSION, rollbackId, runId, project, force);
    }
}
