package dev.ktx.ingest.cli.ingest;

import dev.ktx.ingest.cli.CliEnvironment;
import dev.ktx.ingest.cli.ExitCodes;
import dev.ktx.ingest.core.api.RunView;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ktx ingest status <runId>}: a run's results so far, without waiting. */
@Command(
        name = "status",
        description = {
            "Prints a run's results so far and whether it has finished.",
            "Exit code: the run's once finished (0 or 1), else 0."
        })
public final class IngestStatusCommand implements Callable<Integer> {

    private final CliEnvironment environment;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "<runId>")
    private String runId;

    @Option(names = "--json", description = "Print {runId, plan, results} as JSON instead of the table.")
    private boolean json;

    @Mixin
    private PlannerOptions planner;

    public IngestStatusCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        RunView state = planner.client(environment).run(runId);
        PrintWriter out = spec.commandLine().getOut();
        ReportPrinter.print(out, state.report(), json);
        if (!json) {
            out.println("status: " + state.status());
        }
        return state.finished() ? state.outcome() : ExitCodes.OK;
    }
}
