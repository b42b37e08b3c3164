package dev.ktx.ingest.cli.ingest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ktx.ingest.cli.CliEnvironment;
import dev.ktx.ingest.cli.CliException;
import dev.ktx.ingest.cli.ExitCodes;
import dev.ktx.ingest.core.text.TextTable;
import java.io.PrintWriter;
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
    private static final ObjectMapper JSON = new ObjectMapper();

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
        List<RecentRun> runs = read(answer);
        if (runs.isEmpty()) {
            out.println("no runs");
        } else {
            out.print(TextTable.render(
                    HEADER, runs.stream().map(IngestListCommand::row).toList()));
        }
        return ExitCodes.OK;
    }

    private static List<RecentRun> read(String answer) {
        try {
            return JSON.readValue(answer, new TypeReference<>() {});
        } catch (JsonProcessingException e) {
            throw new CliException(
                    "unexpected answer from the planner to GET /api/ingests: " + e.getOriginalMessage(), e);
        }
    }

    private static List<String> row(RecentRun run) {
        return List.of(
                run.runId(),
                run.project() == null ? NONE : run.project().projectId(),
                text(run.status()),
                trigger(run.trigger()),
                text(run.startedAt()),
                text(run.finishedAt()));
    }

    /** {@code event (id-1, id-2)} for coalesced events, else the kind. */
    private static String trigger(Trigger trigger) {
        if (trigger == null) {
            return NONE;
        }
        return trigger.eventIds() == null || trigger.eventIds().isEmpty()
                ? trigger.kind()
                : trigger.kind() + " (" + String.join(", ", trigger.eventIds()) + ")";
    }

    private static String text(String value) {
        return value == null ? NONE : value;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record RecentRun(
            String runId, Project project, String status, Trigger trigger, String startedAt, String finishedAt) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record Project(String projectId, String projectDir) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record Trigger(String kind, List<String> eventIds) {}
}
