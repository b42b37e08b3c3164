package dev.ktx.ingest.core.messaging;

import dev.ktx.ingest.core.plan.TargetResult;

import static dev.ktx.ingest.core.messaging.Messages.require;
import static dev.ktx.ingest.core.messaging.Messages.requireSchemaVersion;

/** The final outcome of one target of a run ({@code ingest.results}). */
public record TargetResultMessage(int schemaVersion, String runId, TargetResult result) {

    public TargetResultMessage {
        requireSchemaVersion(schemaVersion);
        require(runId, "runId");
        require(result, "result");
    }

    public static TargetResultMessage of(String runId, TargetResult result) {
        return new TargetResultMessage(Messages.SCHEMA_VERSION, runId, result);
    }
}
