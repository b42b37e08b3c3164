package dev.ktx.ingest.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --project-dir}: the context repository, default the current directory. */
public final class ProjectDirOption {

    @Option(names = "--project-dir", paramLabel = "DIR", defaultValue = ".",
            description = "The project's context repository (default: the current directory).")
    private Path projectDir;

    /** Absolute, because the planner resolves it in another process with another working directory. */
    public Path path() {
        return projectDir.toAbsolutePath().normalize();
    }
}
