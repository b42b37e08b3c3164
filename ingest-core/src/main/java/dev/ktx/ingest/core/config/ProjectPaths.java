package dev.ktx.ingest.core.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Keeps paths named in {@code ktx.yaml} ({@code snapshot_dir}, {@code source_dir}, {@code file:} secrets) inside the
 * project directory, so a hostile config cannot make a worker read (and stage, or send as a credential) files of
 * the host. {@code file:} secrets may also live under the secret mount directories ({@link #SECRET_DIRS}).
 * Checked lexically ({@code ..}, absolute paths) and, where the path exists, by its real path (symlinks).
 */
final class ProjectPaths {

    /** Where orchestrators mount secrets (Docker, Kubernetes): absolute {@code file:} references may point there. */
    static final List<Path> SECRET_DIRS = List.of(Path.of("/run/secrets"), Path.of("/var/run/secrets"));

    private ProjectPaths() {}

    /** Why {@code resolved} (already resolved against the project) is not allowed; empty when it is. */
    static Optional<String> escape(Path projectDir, Path resolved, List<Path> otherRoots) {
        Path project = projectDir.toAbsolutePath().normalize();
        Path path = resolved.toAbsolutePath().normalize();
        if (!path.startsWith(project) && otherRoots.stream().noneMatch(path::startsWith)) {
            return Optional.of("leads out of the project directory");
        }
        if (Files.exists(path)) {
            try {
                Path real = path.toRealPath();
                if (!real.startsWith(project.toRealPath())
                        && otherRoots.stream().noneMatch(real::startsWith)) {
                    return Optional.of("is a symlink leading out of the project directory");
                }
            } catch (IOException e) {
                return Optional.of("cannot be resolved (" + e.getClass().getSimpleName() + ")");
            }
        }
        return Optional.empty();
    }
}
