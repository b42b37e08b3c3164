package dev.ktx.ingest.core.messaging;

import static dev.ktx.ingest.core.messaging.Messages.require;
import static dev.ktx.ingest.core.messaging.Messages.requireSchemaVersion;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ktx.ingest.core.plan.TargetResult;

/**
 * The final outcome of one target of a run ({@code ingest.results}). {@code project} lets a planner that lost the
 * run's state (Redis restarted without persistence) find the run's record in the project's repository again; it is
 * absent in messages written before it existed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TargetResultMessage(int schemaVersion, String runId, TargetResult result, ProjectRef project) {

    public TargetResultMessage {
        requireSchemaVersion(schemaVersion);
        require(runId, "runId");
        require(result, "result");
    }

    public static TargetResultMessage of(String runId, ProjectRef project, TargetResult result) {
        return new TargetResultMessage(Messages.SCHEMA_VERSION, runId, result, project);
    }
}
