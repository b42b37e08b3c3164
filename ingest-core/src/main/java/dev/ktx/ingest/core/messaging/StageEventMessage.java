package dev.ktx.ingest.core.messaging;

import java.time.Instant;

import static dev.ktx.ingest.core.messaging.Messages.require;
import static dev.ktx.ingest.core.messaging.Messages.requireSchemaVersion;

/**
 * The barrier fact on {@code ingest.stages}: every database target of the run is final (merged into {@code main}
 * or failed). Source jobs of the run are released by consuming it.
 */
public record StageEventMessage(int schemaVersion, String runId, String stage, Instant at) {

    public static final String DATABASE_STAGE_COMPLETE = "database_stage_complete";

    public StageEventMessage {
        requireSchemaVersion(schemaVersion);
        require(runId, "runId");
        require(stage, "stage");
        require(at, "at");
    }

    public static StageEventMessage databaseStageComplete(String runId, Instant at) {
        return new StageEventMessage(Messages.SCHEMA_VERSION, runId, DATABASE_STAGE_COMPLETE, at);
    }
}
