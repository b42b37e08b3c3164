package dev.ktx.ingest.cli.ingest;

import picocli.CommandLine.Option;

/** {@code --project-id}, shared by the commands that name a project to the planner (docs/cli.md). */
public final class ProjectIdOption {

    @Option(
            names = "--project-id",
            paramLabel = "ID",
            description = "The project's id (default: the directory's or the repository's name).")
    private String projectId;

    /** The id given, or null: the planner then names the project after its directory or repository. */
    String value() {
        return projectId;
    }
}
