package dev.ktx.ingest.core.messaging;

import java.nio.file.Path;

import static dev.ktx.ingest.core.messaging.Messages.require;

/**
 * Which project a message is about. {@code projectDir} is the context repo (a checkout or a bare repo) on a path
 * every service can reach (shared volume); relative paths of {@code ktx.yaml} resolve against it.
 * {@code projectId} scopes the project lock {@code ktx:{<projectId>}:config:repo}.
 */
public record ProjectRef(String projectId, String projectDir) {

    public ProjectRef {
        require(projectId, "project.projectId");
        require(projectDir, "project.projectDir");
    }

    /** A project named by its directory only: its id defaults to the directory's name. */
    public static ProjectRef withDefaultId(String projectId, String projectDir) {
        require(projectDir, "project.projectDir");
        return new ProjectRef(projectId != null ? projectId : String.valueOf(Path.of(projectDir).getFileName()), projectDir);
    }
}
