package dev.ktx.ingest.planner.run;

import dev.ktx.ingest.core.messaging.ProjectRef;

import java.time.Instant;

/**
 * What the planner keeps of a run. The plan itself is not stored: it is planned again from the {@code ktx.yaml} of
 * {@code configCommit}, which gives the same plan every time.
 */
public record RunRecord(String runId, ProjectRef project, String connectionId, boolean all, String configCommit,
                        int sourcesMaxConcurrency, Instant startedAt) {
}
