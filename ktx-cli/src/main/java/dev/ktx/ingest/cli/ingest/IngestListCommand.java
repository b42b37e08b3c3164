package dev.ktx.ingest.cli.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ktx.ingest.cli.CliEnvironment;
import dev.ktx.ingest.cli.CliException;
import dev.ktx.ingest.cli.ExitCodes;
import dev.ktx.ingest.core.api.RunSummary;
import dev.ktx.ingest.core.api.RunTrigger;
import dev.ktx.ingest.core.text.TextTable;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ktx ingest list}: the planner's recent runs, newest first. */
@Command(name = "list", description = "Prints the recent runs, newest first: status, what started them, start and end.")
public final class IngestListCommand implements Callable<Integer> {

    private static final List<String> HEADER = List.of("Run", "Project", "Status", "Trigger", "Started", "Finished");
    private static final String NONE = "-";

    private final CliEnvironment environment;

    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "Print the planner's JSON array instead of the table.")
    private boolean json;

    @Mixin
    private PlannerOptions planner;

    public IngestListCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        String answer = planner.client(environment).recentRuns();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(answer.strip());
            return ExitCodes.OK;
        }
        List<RunSummary> runs = read(answer);
        if (runs.isEmpty()) {
            out.println("no runs");
        } else {
            out.print(TextTable.render(
                    HEADER, runs.stream().map(IngestListCommand::row).toList()));
        }
        return ExitCodes.OK;
    }

    private static List<RunSummary> read(String answer) {
        try {
            return List.of(PlannerJson.read(answer, RunSummary[].class));
        } catch (JsonProcessingException e) {
            throw new CliException(
                    "unexpected answer from the planner to GET /api/ingests: " + e.getOriginalMessage(), e);
        }
    }

    private static List<String> row(RunSummary run) {
        return List.of(
                run.runId(),
                run.project() == null ? NONE : run.project().projectId(),
                text(run.status()),
                trigger(run.trigger()),
                text(run.startedAt()),
                text(run.finishedAt()));
    }

    /** {@code event (id-1, id-2)} for coalesced events, else the kind. */
    private static String trigger(RunTrigger trigger) {
        if (trigger == null) {
            return NONE;
        }
        String kind = trigger.kind().wireName();
        return trigger.eventIds().isEmpty() ? kind : kind + " (" + String.join(", ", trigger.eventIds()) + ")";
    }

    private static String text(String value) {
        return value == null ? NONE : value;
    }

    /** As the planner wrote it: both print an instant in ISO-8601 (UTC). */
    private static String text(Instant value) {
        return value == null ? NONE : value.toString();
    }
}
