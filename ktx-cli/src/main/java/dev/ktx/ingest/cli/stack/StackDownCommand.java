package dev.ktx.ingest.cli.stack;

import dev.ktx.ingest.cli.CliEnvironment;
import dev.ktx.ingest.cli.ExitCodes;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ktx stack down}: stops what {@code up} started (services first), removes the pid files, {@code stack.env} and
 * the broker's data (Redis keeps nothing either, so the next {@code up} starts clean); logs are kept.
 */
@Command(name = "down", description = "Stops what `ktx stack up` started; keeps the logs.")
public final class StackDownCommand implements Callable<Integer> {

    private final CliEnvironment environment;

    @Spec
    private CommandSpec spec;

    public StackDownCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        Stack stack = new Stack(environment);
        PrintWriter out = spec.commandLine().getOut();
        for (StackComponent component : stack.componentsInStopOrder()) {
            Optional<Long> stopped = component.down();
            out.println(component.name() + ": "
                    + stopped.map(pid -> "stopped pid " + pid).orElse("not running"));
            out.flush();
        }
        deleteRecursively(stack.layout().kafkaData());
        deleteRecursively(stack.layout().envFile());
        return ExitCodes.OK;
    }

    private static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(path)) {
            for (Path each : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }
}
