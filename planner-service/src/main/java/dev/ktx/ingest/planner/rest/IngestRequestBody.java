package dev.ktx.ingest.planner.rest;

import dev.ktx.ingest.core.messaging.ProjectRef;

/**
 * Body of {@code POST /api/ingests}: the project (its context repo path, or its git remote {@code repoUrl} with an
 * optional {@code branch}; optionally its id — default the directory's or repository's name), and either one
 * {@code connectionId} or {@code all: true}.
 */
public record IngestRequestBody(String projectId, String projectDir, String repoUrl, String branch, String connectionId,
                                Boolean all) {

    /** @throws IllegalArgumentException naming the field when the body names no project, or two */
    public ProjectRef project() {
        return ProjectRefs.of(projectId, projectDir, repoUrl, branch);
    }
}
