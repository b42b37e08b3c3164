package dev.ktx.ingest.cli.sessions;

import dev.ktx.ingest.cli.CliEnvironment;
import dev.ktx.ingest.cli.CliException;
import dev.ktx.ingest.cli.ProjectOptions;
import dev.ktx.ingest.core.git.ContextRepository;
import dev.ktx.ingest.core.git.GitCredentials;
import dev.ktx.ingest.core.git.GitRemote;
import dev.ktx.ingest.core.git.LocalContextRepository;
import dev.ktx.ingest.core.git.RemoteContextRepository;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Opens the project's context repo, on its directory or through a mirror of its git remote (credentials from
 * {@code KTX_GIT_USER} / {@code KTX_GIT_TOKEN}, mirrors in {@code $KTX_REPOS_CACHE}, docs/cli.md), and turns what
 * goes wrong ("not a repository", a remote that refuses or cannot be reached) into a message for the user.
 */
final class ContextRepos {

    static final String CACHE_VARIABLE = "KTX_REPOS_CACHE";
    private static final Duration GIT_TIMEOUT = Duration.ofSeconds(60);

    private ContextRepos() {}

    /** Runs {@code body} on the open repository and closes it. */
    static <T> T with(ProjectOptions project, CliEnvironment environment, Function<ContextRepository, T> body) {
        try (ContextRepository repo = open(project, environment)) {
            return body.apply(repo);
        } catch (GitRemote.RemoteRefusedException | UncheckedIOException e) {
            throw new CliException(e.getMessage(), e);
        }
    }

    private static ContextRepository open(ProjectOptions project, CliEnvironment environment) {
        return project.remote()
                .map(remote -> {
                    // a file:// remote needs no token: an unreadable token file is no error then
                    GitRemote git = new GitRemote(
                            remote.url(),
                            GitRemote.sendsCredentials(remote.url())
                                    ? GitCredentials.fromEnvironment(environment.variables())
                                    : Optional.empty(),
                            GIT_TIMEOUT);
                    String branch =
                            remote.branch() != null ? remote.branch() : LocalContextRepository.DEFAULT_MAIN_BRANCH;
                    return RemoteContextRepository.open(git, branch, cache(environment));
                })
                .orElseGet(() -> local(project.directory().orElseThrow()));
    }

    private static ContextRepository local(Path dir) {
        try {
            return LocalContextRepository.open(dir);
        } catch (IllegalArgumentException e) {
            throw new CliException(
                    e.getMessage() + " (give the project's context repo with --project-dir or --repo-url)");
        }
    }

    /** {@code $KTX_REPOS_CACHE}, else {@code ~/.cache/ktx/repos}. */
    private static Path cache(CliEnvironment environment) {
        return environment
                .variable(CACHE_VARIABLE)
                .map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".cache", "ktx", "repos"));
    }
}
