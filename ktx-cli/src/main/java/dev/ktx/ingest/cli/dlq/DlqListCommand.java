package dev.ktx.ingest.cli.dlq;

import dev.ktx.ingest.cli.CliEnvironment;
import dev.ktx.ingest.cli.ExitCodes;
import dev.ktx.ingest.cli.ingest.PlannerOptions;
import dev.ktx.ingest.core.api.DeadLetterListing;
import dev.ktx.ingest.core.api.DeadLetterView;
import dev.ktx.ingest.core.text.TextTable;
import java.io.PrintWriter;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ktx dlq list <topic>}: a topic's newest dead letters as a table. */
@Command(
        name = "list",
        description = "Prints the newest dead letters of a topic: where they sit, when, why, key and value.")
public final class DlqListCommand implements Callable<Integer> {

    private static final List<String> HEADER =
            List.of("Partition", "Offset", "Time", "Key", "Replayed", "Reason", "Value");
    private static final String NONE = "-";

    private final CliEnvironment environment;

    @Spec
    private CommandSpec spec;

    @Mixin
    private TopicParameter topic;

    @Option(
            names = "--limit",
            paramLabel = "N",
            defaultValue = "50",
            description = "At most N records, the newest (default: ${DEFAULT-VALUE}).")
    private int limit;

    @Mixin
    private PlannerOptions planner;

    public DlqListCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        DeadLetterListing listing = new DeadLetterApi(planner.client(environment)).list(topic.value(), limit);
        PrintWriter out = spec.commandLine().getOut();
        out.println(summary(listing));
        if (!listing.records().isEmpty()) {
            out.print(TextTable.render(
                    HEADER, listing.records().stream().map(DlqListCommand::row).toList()));
        }
        return ExitCodes.OK;
    }

    private static String summary(DeadLetterListing listing) {
        if (listing.total() == 0) {
            return listing.dlqTopic() + ": no dead letters";
        }
        String count = listing.total() == 1 ? "1 dead letter" : listing.total() + " dead letters";
        return listing.dlqTopic() + ": " + count
                + (listing.records().size() < listing.total()
                        ? ", the newest " + listing.records().size() + " below (--limit)"
                        : "");
    }

    private static List<String> row(DeadLetterView record) {
        return List.of(
                String.valueOf(record.partition()),
                String.valueOf(record.offset()),
                text(record.time()),
                text(record.key()),
                text(record.replayedAt()),
                text(record.reason()),
                text(record.preview()));
    }

    /** One line per cell, whatever the message held. */
    private static String text(Object value) {
        return value == null
                ? NONE
                : Objects.toString(value).replaceAll("\\s+", " ").strip();
    }
}
