package dev.ktx.ingest.core.messaging;

import static dev.ktx.ingest.core.messaging.Messages.require;
import static dev.ktx.ingest.core.messaging.Messages.requireSchemaVersion;

import dev.ktx.ingest.core.plan.TargetResult;
import java.util.List;

/**
 * A session ready for the final window ({@code finalize.requests}, keyed by session). {@code result} holds the steps
 * as the worker ended them; the finalizer publishes it, with the landing's outcome, on {@code ingest.results}.
 * {@code resumed} marks a copy the planner sent to look at a parked session again after a peer reached a final state.
 */
public record FinalizeRequestMessage(
        int schemaVersion,
        String runId,
        ProjectRef project,
        List<String> allowedSlConnections,
        TargetResult result,
        boolean resumed) {

    public FinalizeRequestMessage {
        requireSchemaVersion(schemaVersion);
        require(runId, "runId");
        require(project, "project");
        allowedSlConnections = List.copyOf(require(allowedSlConnections, "allowedSlConnections"));
        require(result, "result");
    }

    public static FinalizeRequestMessage of(
            String runId, ProjectRef project, List<String> allowedSlConnections, TargetResult result) {
        return new FinalizeRequestMessage(Messages.SCHEMA_VERSION, runId, project, allowedSlConnections, result, false);
    }

    public FinalizeRequestMessage asResumed() {
        return new FinalizeRequestMessage(schemaVersion, runId, project, allowedSlConnections, result, true);
    }

    public String connectionId() {
        return result.connectionId();
    }
}
