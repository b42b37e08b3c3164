package dev.ktx.ingest.cli.stack;

import picocli.CommandLine.Command;

/** {@code ktx stack up|down|status}: Kafka, Redis and the four services as local processes that outlive the CLI. */
@Command(
        name = "stack",
        description = "Runs the services locally, with Kafka and Redis, as background processes.",
        subcommands = {StackUpCommand.class, StackDownCommand.class, StackStatusCommand.class})
public final class StackCommand {}
