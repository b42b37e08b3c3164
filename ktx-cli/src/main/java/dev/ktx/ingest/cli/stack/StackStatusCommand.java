package dev.ktx.ingest.cli.stack;

import dev.ktx.ingest.cli.CliEnvironment;
import dev.ktx.ingest.cli.ExitCodes;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ktx stack status}: each component, its process and whether it is ready. Exit code 0 when all are ready, else 1. */
@Command(
        name = "status",
        description = {
            "Shows each component, its pid and whether it is ready.",
            "Exit code: 0 when every component is ready, else 1."
        })
public final class StackStatusCommand implements Callable<Integer> {

    private static final int NOT_ALL_READY = 1;

    private final CliEnvironment environment;

    @Spec
    private CommandSpec spec;

    public StackStatusCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        Stack stack = new Stack(environment);
        StackEnv endpoints = StackEnv.read(stack.layout().envFile());
        List<ComponentStatus> statuses =
                stack.components().stream().map(c -> c.status(endpoints)).toList();
        int nameWidth = statuses.stream().mapToInt(s -> s.name().length()).max().orElse(0);
        PrintWriter out = spec.commandLine().getOut();
        statuses.forEach(status -> out.println(status.line(nameWidth)));
        return statuses.stream().allMatch(ComponentStatus::ready) ? ExitCodes.OK : NOT_ALL_READY;
    }
}
