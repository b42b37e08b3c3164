package dev.ktx.ingest.core.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Body of {@code POST /api/ingests/{runId}/rollback}: the project (as in {@link IngestRequestBody}) and whether later
 * changes to the run's paths are overridden. Absent fields are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RollbackRequestBody(String projectId, String projectDir, String repoUrl, String branch, Boolean force) {}
