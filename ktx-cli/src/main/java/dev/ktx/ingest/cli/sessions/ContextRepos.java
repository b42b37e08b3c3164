package dev.ktx.ingest.cli.sessions;

import dev.ktx.ingest.cli.CliException;
import dev.ktx.ingest.core.git.LocalContextRepository;

import java.nio.file.Path;

/** Opens the project's context repo, turning "not a repository" into a message for the user. */
final class ContextRepos {

    private ContextRepos() {
    }

    static LocalContextRepository open(Path projectDir) {
        try {
            return LocalContextRepository.open(projectDir);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage() + " (give the project's context repo with --project-dir)");
        }
    }
}
