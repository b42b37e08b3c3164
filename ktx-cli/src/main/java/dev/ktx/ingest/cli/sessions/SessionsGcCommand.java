package dev.ktx.ingest.cli.sessions;

import dev.ktx.ingest.cli.CliEnvironment;
import dev.ktx.ingest.cli.DurationConverter;
import dev.ktx.ingest.cli.ExitCodes;
import dev.ktx.ingest.cli.ProjectOptions;
import dev.ktx.ingest.core.git.SessionId;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ktx sessions gc --older-than <duration> [--orphans-older-than <duration>]}: removes old sentinels and
 * their session branches, and orphaned sessions (docs/cli.md).
 */
@Command(
        name = "gc",
        description = "Removes sentinels older than the given age with their session branches, "
                + "and orphaned sessions (no sentinel, run started longer ago than --orphans-older-than).")
public final class SessionsGcCommand implements Callable<Integer> {

    private final CliEnvironment environment;

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--older-than",
            required = true,
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Age of the sentinels to remove, e.g. 7d, 12h, 30m.")
    private Duration olderThan;

    @Mixin
    private OrphanAgeOption orphanAge;

    @Mixin
    private ProjectOptions project;

    public SessionsGcCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Instant now = environment.clock().instant();
        return ContextRepos.with(project, environment, repo -> {
            for (SessionId removed : repo.gcSentinels(now.minus(olderThan))) {
                out.println("removed " + removed);
            }
            for (SessionId removed : repo.gcOrphans(orphanAge.cutoff(now))) {
                out.println("removed " + removed + " (orphaned)");
            }
            return ExitCodes.OK;
        });
    }
}
