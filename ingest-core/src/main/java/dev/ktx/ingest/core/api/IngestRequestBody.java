package dev.ktx.ingest.core.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Body of {@code POST /api/ingests}: the project (its context repo path {@code projectDir}, or its git remote
 * {@code repoUrl} with an optional {@code branch}; optionally its id — default the directory's or repository's name),
 * and either one {@code connectionId} or {@code all: true}. Absent fields are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IngestRequestBody(
        String projectId, String projectDir, String repoUrl, String branch, String connectionId, Boolean all) {}
