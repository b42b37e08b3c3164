package dev.ktx.ingest.core.messaging;

import static dev.ktx.ingest.core.messaging.Messages.require;
import static dev.ktx.ingest.core.messaging.Messages.requireSchemaVersion;

/** A request to ingest ({@code ingest.requests}); exactly one of {@code connectionId} and {@code all}. */
public record IngestRequestMessage(int schemaVersion, ProjectRef project, String connectionId, boolean all) {

    public IngestRequestMessage {
        requireSchemaVersion(schemaVersion);
        require(project, "project");
        if (all == (connectionId != null)) {
            throw new IllegalArgumentException("give either connectionId or all=true");
        }
    }

    public static IngestRequestMessage of(ProjectRef project, String connectionId, boolean all) {
        return new IngestRequestMessage(Messages.SCHEMA_VERSION, project, connectionId, all);
    }
}
