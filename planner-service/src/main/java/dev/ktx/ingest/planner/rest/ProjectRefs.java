package dev.ktx.ingest.planner.rest;

import dev.ktx.ingest.core.messaging.ProjectRef;

/** The project of a REST body or query: {@code projectDir}, or {@code repoUrl} with an optional {@code branch}. */
final class ProjectRefs {

    private ProjectRefs() {}

    static ProjectRef of(String projectId, String projectDir, String repoUrl, String branch) {
        boolean hasDir = projectDir != null && !projectDir.isBlank();
        boolean hasUrl = repoUrl != null && !repoUrl.isBlank();
        if (hasDir == hasUrl) {
            throw new IllegalArgumentException(
                    hasDir ? "projectDir/repoUrl: give one, not both" : "projectDir: required");
        }
        if (hasDir && branch != null) {
            throw new IllegalArgumentException("branch: only with repoUrl");
        }
        return hasDir ? ProjectRef.withDefaultId(projectId, projectDir) : ProjectRef.remote(projectId, repoUrl, branch);
    }
}
