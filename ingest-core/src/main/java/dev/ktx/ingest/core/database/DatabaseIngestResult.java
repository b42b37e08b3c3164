package dev.ktx.ingest.core.database;

import dev.ktx.ingest.core.git.Changeset;
import dev.ktx.ingest.core.plan.Step;
import dev.ktx.ingest.core.plan.StepResult;
import dev.ktx.ingest.core.plan.StepStatus;
import java.util.Objects;

/**
 * What a database target produced: the changes to commit on its session (empty when nothing changed or the scan
 * failed) and the two step results to report.
 */
public record DatabaseIngestResult(Changeset changes, StepResult schema, StepResult queryHistory) {

    public DatabaseIngestResult {
        Objects.requireNonNull(changes, "changes");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(queryHistory, "queryHistory");
    }

    /** The schema could not be read: nothing to commit, query history not run. */
    public static DatabaseIngestResult schemaFailed(String detail) {
        return new DatabaseIngestResult(
                Changeset.builder().build(),
                new StepResult(Step.DATABASE_SCHEMA, StepStatus.FAILED, detail),
                StepResult.notRun(Step.QUERY_HISTORY));
    }
}
