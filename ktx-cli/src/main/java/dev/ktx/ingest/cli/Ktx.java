package dev.ktx.ingest.cli;

import dev.ktx.ingest.cli.dlq.DlqCommand;
import dev.ktx.ingest.cli.ingest.IngestCommand;
import dev.ktx.ingest.cli.sessions.SessionsCommand;
import dev.ktx.ingest.cli.stack.StackCommand;
import dev.ktx.ingest.core.config.ConfigException;
import dev.ktx.ingest.core.plan.PlanException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ktx} command (docs/cli.md). Exit codes: {@link ExitCodes}. */
@Command(
        name = "ktx",
        mixinStandardHelpOptions = true,
        scope = CommandLine.ScopeType.INHERIT,
        version = "ktx 0.1.0",
        description = "Keeps a context repository fresh from its connections.",
        subcommands = {IngestCommand.class, DlqCommand.class, SessionsCommand.class, StackCommand.class})
public final class Ktx {

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(execute(CliEnvironment.system(), out, err, args));
    }

    public static int execute(CliEnvironment environment, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Ktx(), new CommandFactory(environment))
                .setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler((e, command, parsed) -> fail(e, command.getErr()));
        try {
            return cli.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static int fail(Exception e, PrintWriter err) {
        problemLines(e).forEach(err::println);
        if (!isExpected(e)) {
            e.printStackTrace(err);
        }
        return ExitCodes.ERROR;
    }

    private static List<String> problemLines(Exception e) {
        if (e instanceof CliException cli) {
            return cli.lines();
        }
        if (e instanceof ConfigException config) {
            return config.problems();
        }
        if (e instanceof PlanException) {
            return List.of(e.getMessage());
        }
        return List.of("ktx: unexpected error: " + e);
    }

    private static boolean isExpected(Exception e) {
        return e instanceof CliException || e instanceof ConfigException || e instanceof PlanException;
    }

    /** Gives commands that ask for it the {@link CliEnvironment}. */
    private record CommandFactory(CliEnvironment environment) implements CommandLine.IFactory {

        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                return type.getDeclaredConstructor(CliEnvironment.class).newInstance(environment);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }
}
