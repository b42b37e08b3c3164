package dev.ktx.ingest.core.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ktx.ingest.core.messaging.ProjectRef;
import java.time.Instant;

/**
 * One row of {@code GET /api/ingests}.
 *
 * @param status     {@code running} or {@code finished}
 * @param trigger    null for runs started before triggers were recorded
 * @param finishedAt null while running
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunSummary(
        String runId, ProjectRef project, String status, RunTrigger trigger, Instant startedAt, Instant finishedAt) {}
