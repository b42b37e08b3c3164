package dev.ktx.ingest.cli.ingest;

import dev.ktx.ingest.cli.CliEnvironment;
import dev.ktx.ingest.cli.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ktx ingest trace <runId>}: the run's trace events as JSONL in time order, as the planner sends them. */
@Command(name = "trace", description = "Prints a run's trace events as JSONL, in time order.")
public final class IngestTraceCommand implements Callable<Integer> {

    private final CliEnvironment environment;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "<runId>")
    private String runId;

    @Mixin
    private PlannerOptions planner;

    public IngestTraceCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(planner.client(environment).trace(runId));
        return ExitCodes.OK;
    }
}
