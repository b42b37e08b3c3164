package dev.ktx.ingest.core.messaging;

import static dev.ktx.ingest.core.messaging.Messages.require;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ktx.ingest.core.git.RepoUrl;
import java.nio.file.Path;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;

/**
 * Which project a message is about: either {@code projectDir}, the context repo (a checkout or a bare repo) on a
 * path every service can reach (shared volume), or {@code repoUrl}, a git remote each service mirrors into its own
 * cache (docs/operations.md "Context repository: local path or git remote"). {@code branch} is the project's main
 * branch (default {@code main}). {@code projectId} scopes the project lock {@code ktx:{<projectId>}:config:repo}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProjectRef(String projectId, String projectDir, String repoUrl, String branch) {

    public static final String DEFAULT_BRANCH = "main";

    public ProjectRef {
        require(projectId, "project.projectId");
        boolean hasDir = projectDir != null && !projectDir.isBlank();
        boolean hasUrl = repoUrl != null && !repoUrl.isBlank();
        if (hasDir == hasUrl) {
            throw new IllegalArgumentException(
                    hasDir
                            ? "project: give projectDir or repoUrl, not both"
                            : "project.projectDir or project.repoUrl is required");
        }
        if (hasUrl) {
            repoUrl = RepoUrl.parse("project.repoUrl", repoUrl).toString();
        }
        if (branch != null && !Repository.isValidRefName(Constants.R_HEADS + branch)) {
            throw new IllegalArgumentException("project.branch: not a valid branch name");
        }
    }

    /** A project on a local path. */
    public ProjectRef(String projectId, String projectDir) {
        this(projectId, projectDir, null, null);
    }

    /** A project named by its directory only: its id defaults to the directory's name. */
    public static ProjectRef withDefaultId(String projectId, String projectDir) {
        require(projectDir, "project.projectDir");
        return new ProjectRef(
                projectId != null
                        ? projectId
                        : String.valueOf(Path.of(projectDir).getFileName()),
                projectDir);
    }

    /** A project on a git remote: its id defaults to the repository's name. */
    public static ProjectRef remote(String projectId, String repoUrl, String branch) {
        String id = projectId != null
                ? projectId
                : RepoUrl.parse("project.repoUrl", repoUrl).repositoryName();
        return new ProjectRef(id, null, repoUrl, branch);
    }

    @JsonIgnore
    public boolean isRemote() {
        return repoUrl != null;
    }

    /** The main branch's short name. */
    @JsonIgnore
    public String mainBranch() {
        return branch != null ? branch : DEFAULT_BRANCH;
    }

    /** The project directory or the normalised remote URL: how logs and errors name the project. */
    @JsonIgnore
    public String location() {
        return isRemote() ? repoUrl : projectDir;
    }
}
