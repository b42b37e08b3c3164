package dev.ktx.ingest.cli.dlq;

import picocli.CommandLine.Command;

/** {@code ktx dlq list|replay <topic>}: dead letters through the planner. */
@Command(
        name = "dlq",
        description = "Lists and replays dead letters (messages a service could not read).",
        subcommands = {DlqListCommand.class, DlqReplayCommand.class})
public final class DlqCommand {}
