package dev.ktx.ingest.cli.sessions;

import picocli.CommandLine.Command;

/** {@code ktx sessions}: the session branches and sentinels that failed targets leave in the context repo. */
@Command(
        name = "sessions",
        description = "Lists or removes the sessions that failed targets left behind.",
        subcommands = {SessionsListCommand.class, SessionsGcCommand.class})
public final class SessionsCommand {}
