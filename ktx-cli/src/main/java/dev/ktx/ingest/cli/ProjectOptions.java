package dev.ktx.ingest.cli;

import dev.ktx.ingest.core.git.RepoUrl;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * Which project a command is about: {@code --project-dir DIR} (default: the current directory) or
 * {@code --repo-url URL [--branch B]}, a project on a git remote (docs/cli.md). Giving both is a usage error.
 */
public final class ProjectOptions {

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    private Location location;

    static final class Location {

        @Option(
                names = "--project-dir",
                paramLabel = "DIR",
                description = "The project's context repository (default: the current directory).")
        private Path projectDir;

        @ArgGroup(exclusive = false)
        private Remote remote;
    }

    static final class Remote {

        @Option(
                names = "--repo-url",
                required = true,
                paramLabel = "URL",
                description = "The project's context repository on a git remote (http(s):// or file://), "
                        + "instead of --project-dir.")
        private String repoUrl;

        @Option(names = "--branch", paramLabel = "B", description = "The remote project's main branch (default: main).")
        private String branch;
    }

    /**
     * The project directory, absolute because the planner resolves it in another process with another working
     * directory; empty for a project on a remote.
     */
    public Optional<Path> directory() {
        if (remote().isPresent()) {
            return Optional.empty();
        }
        Path dir = location == null || location.projectDir == null ? Path.of(".") : location.projectDir;
        return Optional.of(dir.toAbsolutePath().normalize());
    }

    /** The project's remote, checked: a URL without credentials, a valid branch name. */
    public Optional<RemoteProject> remote() {
        if (location == null || location.remote == null) {
            return Optional.empty();
        }
        RepoUrl url;
        try {
            url = RepoUrl.parse("--repo-url", location.remote.repoUrl);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
        String branch = location.remote.branch;
        if (branch != null && !Repository.isValidRefName(Constants.R_HEADS + branch)) {
            throw new CliException("--branch: not a valid branch name: " + branch);
        }
        return Optional.of(new RemoteProject(url, branch));
    }

    /** How the planner's REST API names the project. */
    public ProjectLocation location() {
        return remote().map(remote -> new ProjectLocation(null, remote.url().toString(), remote.branch()))
                .orElseGet(() -> new ProjectLocation(directory().orElseThrow().toString(), null, null));
    }

    /** A project on a git remote; {@code branch} is null for the default. */
    public record RemoteProject(RepoUrl url, String branch) {}
}
