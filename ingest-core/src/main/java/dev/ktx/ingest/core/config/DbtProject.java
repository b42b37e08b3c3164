package dev.ktx.ingest.core.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** Where a dbt connection's project lives: a local directory ({@code source_dir}) or a git repository. */
public sealed interface DbtProject permits DbtProject.LocalDir, DbtProject.GitRepo {

    /** {@code source_dir}, resolved against the project directory. */
    record LocalDir(Path sourceDir) implements DbtProject {

        public LocalDir {
            Objects.requireNonNull(sourceDir, "sourceDir");
        }
    }

    /**
     * {@code repo_url} + {@code branch} + {@code path} (the dbt project's directory inside that repository, relative,
     * {@code .} for the root).
     *
     * @param token optional {@code token}: the HTTP basic-auth password for an http(s) {@code repo_url}
     */
    record GitRepo(String repoUrl, String branch, String path, Optional<SecretRef> token) implements DbtProject {

        public GitRepo {
            Objects.requireNonNull(repoUrl, "repoUrl");
            Objects.requireNonNull(branch, "branch");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(token, "token");
        }
    }
}
