package dev.ktx.ingest.core.messaging;

import static dev.ktx.ingest.core.messaging.Messages.require;
import static dev.ktx.ingest.core.messaging.Messages.requireSchemaVersion;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A request to ingest ({@code ingest.requests}); exactly one of {@code connectionId} and {@code all}.
 *
 * @param requestId optional: requests of one project with the same id start one run (within the planner's retention)
 */
public record IngestRequestMessage(
        int schemaVersion,
        ProjectRef project,
        String connectionId,
        boolean all,
        @JsonInclude(JsonInclude.Include.NON_NULL) String requestId) {

    public IngestRequestMessage {
        requireSchemaVersion(schemaVersion);
        require(project, "project");
        if (all == (connectionId != null)) {
            throw new IllegalArgumentException("give either connectionId or all=true");
        }
        if (requestId != null && requestId.isBlank()) {
            throw new IllegalArgumentException("requestId must not be blank");
        }
    }

    public static IngestRequestMessage of(ProjectRef project, String connectionId, boolean all) {
        return new IngestRequestMessage(Messages.SCHEMA_VERSION, project, connectionId, all, null);
    }

    public IngestRequestMessage withRequestId(String id) {
        return new IngestRequestMessage(schemaVersion, project, connectionId, all, id);
    }
}
