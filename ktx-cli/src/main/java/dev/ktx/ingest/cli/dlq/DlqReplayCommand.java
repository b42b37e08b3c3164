package dev.ktx.ingest.cli.dlq;

import dev.ktx.ingest.cli.CliEnvironment;
import dev.ktx.ingest.cli.ExitCodes;
import dev.ktx.ingest.cli.ingest.PlannerOptions;
import dev.ktx.ingest.core.api.ReplayRequestBody;
import dev.ktx.ingest.core.api.ReplayView;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ktx dlq replay <topic> (--offset N [--partition P] | --all) [--force]}: publishes dead letters again to their
 * source topic. A record replayed before is refused (exit code 2), or passed over with {@code --all}, unless
 * {@code --force}.
 */
@Command(
        name = "replay",
        description = {
            "Publishes dead letters again to the topic they came from, once each.",
            "Exit code 0 when done, 2 when refused (a record replayed before, without --force) or on bad input."
        })
public final class DlqReplayCommand implements Callable<Integer> {

    private final CliEnvironment environment;

    @Spec
    private CommandSpec spec;

    @Mixin
    private TopicParameter topic;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Selection selection;

    @Option(names = "--force", description = "Replay records that were replayed before, too.")
    private boolean force;

    @Mixin
    private PlannerOptions planner;

    public DlqReplayCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    /** One record, or all of them. */
    static final class Selection {
        @ArgGroup(exclusive = false)
        One one;

        @Option(names = "--all", required = true, description = "Every dead letter of the topic.")
        boolean all;
    }

    static final class One {
        @Option(names = "--offset", paramLabel = "N", required = true, description = "The dead letter at offset N.")
        Long offset;

        @Option(
                names = "--partition",
                paramLabel = "P",
                description = "Its partition; needed only when the dead-letter topic has several.")
        Integer partition;
    }

    @Override
    public Integer call() {
        ReplayRequestBody request = selection.all
                ? new ReplayRequestBody(null, null, true, force)
                : new ReplayRequestBody(selection.one.offset, selection.one.partition, null, force);
        ReplayView replay = new DeadLetterApi(planner.client(environment)).replay(topic.value(), request);
        PrintWriter out = spec.commandLine().getOut();
        replay.replayed()
                .forEach(record -> out.println("replayed " + replay.dlqTopic() + " partition " + record.partition()
                        + " offset " + record.offset() + " to " + replay.topic()));
        replay.skipped()
                .forEach(record -> out.println("skipped " + replay.dlqTopic() + " partition "
                        + record.partition() + " offset " + record.offset() + ": already replayed at "
                        + record.replayedAt()
                        + " (--force replays it again)"));
        out.println("replayed " + replay.replayed().size() + ", skipped "
                + replay.skipped().size());
        return ExitCodes.OK;
    }
}
