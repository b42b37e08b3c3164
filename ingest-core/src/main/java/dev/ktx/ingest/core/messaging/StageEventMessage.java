package dev.ktx.ingest.core.messaging;

import static dev.ktx.ingest.core.messaging.Messages.require;
import static dev.ktx.ingest.core.messaging.Messages.requireSchemaVersion;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A fact about a run's progress on {@code ingest.stages}. {@code database_stage_complete} is the barrier: every
 * database target of the run is final (merged into {@code main} or failed); source jobs of the run are released by
 * consuming it. {@code target_parked} says the finalizer parked {@code connectionId}'s session until a peer is final,
 * so it no longer occupies one of the run's source slots. {@code project}, as on results, lets a planner that lost
 * the run's state find it again.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StageEventMessage(
        int schemaVersion, String runId, String stage, Instant at, String connectionId, ProjectRef project) {

    public static final String DATABASE_STAGE_COMPLETE = "database_stage_complete";
    public static final String TARGET_PARKED = "target_parked";

    public StageEventMessage {
        requireSchemaVersion(schemaVersion);
        require(runId, "runId");
        require(stage, "stage");
        require(at, "at");
    }

    public static StageEventMessage databaseStageComplete(String runId, ProjectRef project, Instant at) {
        return new StageEventMessage(Messages.SCHEMA_VERSION, runId, DATABASE_STAGE_COMPLETE, at, null, project);
    }

    public static StageEventMessage targetParked(String runId, ProjectRef project, String connectionId, Instant at) {
        return new StageEventMessage(
                Messages.SCHEMA_VERSION, runId, TARGET_PARKED, at, require(connectionId, "connectionId"), project);
    }
}
