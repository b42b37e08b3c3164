package dev.ktx.ingest.planner.run;

import dev.ktx.ingest.core.config.IngestSettings;
import dev.ktx.ingest.core.messaging.ProjectRef;
import dev.ktx.ingest.core.plan.RunDeadlines;

import java.time.Instant;

/**
 * What the planner keeps of a run. The plan itself is not stored: it is planned again from the {@code ktx.yaml} of
 * {@code configCommit}, which gives the same plan every time.
 *
 * @param deadlines the run timeout and target silence limit of {@code ktx.yaml}; records written before they existed
 *                  read as the defaults
 */
public record RunRecord(String runId, ProjectRef project, String connectionId, boolean all, String configCommit,
                        int sourcesMaxConcurrency, RunDeadlines deadlines, Instant startedAt) {

    public RunRecord {
        deadlines = deadlines == null ? RunDeadlines.of(IngestSettings.DEFAULTS) : deadlines;
    }
}
