package dev.ktx.ingest.core.messaging;

import static dev.ktx.ingest.core.messaging.Messages.require;
import static dev.ktx.ingest.core.messaging.Messages.requireSchemaVersion;

/**
 * A job for one target of a run ({@code jobs.database} or {@code jobs.source}). {@code configCommit} is the
 * {@code main} commit whose {@code ktx.yaml} the run was planned from, so every worker of a run reads the same config.
 */
public record TargetJobMessage(
        int schemaVersion, String runId, ProjectRef project, String connectionId, String jobId, String configCommit) {

    public TargetJobMessage {
        requireSchemaVersion(schemaVersion);
        require(runId, "runId");
        require(project, "project");
        require(connectionId, "connectionId");
        require(jobId, "jobId");
        require(configCommit, "configCommit");
    }

    public static TargetJobMessage of(
            String runId, ProjectRef project, String connectionId, String jobId, String configCommit) {
        return new TargetJobMessage(Messages.SCHEMA_VERSION, runId, project, connectionId, jobId, configCommit);
    }
}
