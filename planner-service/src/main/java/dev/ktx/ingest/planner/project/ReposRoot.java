package dev.ktx.ingest.planner.project;

import dev.ktx.ingest.core.messaging.ProjectRef;
import dev.ktx.ingest.service.RemoteAccess;
import dev.ktx.ingest.service.ReposSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The directory every project the planner serves must live in ({@code ktx.repos.root}, default the planner's working
 * directory; docs/configuration.md). A project directory is compared by its canonical path (symlinks resolved), so
 * neither {@code ..} nor a link leads out. Callers: REST bodies and parameters, request messages, CloudEvents.
 */
@ApplicationScoped
public class ReposRoot {

    private final Path root;
    private final RemoteAccess remotes;

    @Inject
    public ReposRoot(ReposSettings settings, RemoteAccess remotes) {
        this(Path.of(settings.repos().root().filter(r -> !r.isBlank()).orElse("")), remotes);
    }

    public ReposRoot(Path root, RemoteAccess remotes) {
        this.root = canonical(root);
        this.remotes = remotes;
    }

    /** A root that accepts no project on a remote. */
    public ReposRoot(Path root) {
        this(root, RemoteAccess.none());
    }

    public Path root() {
        return root;
    }

    /**
     * The project, if its directory resolves inside the root, or its remote is under an allowed prefix.
     *
     * @param prefix what the caller puts before the field in its error ({@code ""}, {@code "data.project."})
     * @throws IllegalArgumentException naming the field ({@link OutsideReposRootException} for a directory outside)
     */
    public ProjectRef require(String prefix, ProjectRef project) {
        if (project.isRemote()) {
            remotes.requireAllowed(prefix + "repoUrl", project.repoUrl());
        } else {
            require(prefix + "projectDir", project.projectDir());
        }
        return project;
    }

    /** @param field how the caller names the directory ({@code projectDir}, {@code data.project.projectDir}) */
    public void require(String field, String projectDir) {
        if (projectDir == null || projectDir.isBlank()) {
            throw new IllegalArgumentException(field + ": required");
        }
        Path dir;
        try {
            dir = canonical(Path.of(projectDir));
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(field + ": not a path: " + e.getReason());
        }
        if (!dir.startsWith(root)) {
            throw new OutsideReposRootException(field + ": " + projectDir + " is outside the allowed root " + root);
        }
    }

    /**
     * The real path of the longest existing prefix, the rest appended after normalizing, so that a directory not
     * created yet is judged by where its existing parent really is.
     */
    static Path canonical(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve " + existing, e);
        }
    }

    /** A project directory outside {@code ktx.repos.root}: a 400 over REST, a dead letter with this reason on Kafka. */
    public static final class OutsideReposRootException extends IllegalArgumentException {
        OutsideReposRootException(String message) {
            super(message);
        }
    }
}
