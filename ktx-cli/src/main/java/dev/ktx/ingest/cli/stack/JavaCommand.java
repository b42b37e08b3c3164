package dev.ktx.ingest.cli.stack;

import dev.ktx.ingest.cli.CliEnvironment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code java} of the JVM running the CLI, with {@code $KTX_STACK_JAVA_OPTS} (e.g. {@code -Xmx512m}) for every JVM of the stack. */
final class JavaCommand {

    static final String OPTIONS_VARIABLE = "KTX_STACK_JAVA_OPTS";

    private JavaCommand() {}

    static List<String> of(CliEnvironment environment, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        environment
                .variable(OPTIONS_VARIABLE)
                .ifPresent(options -> command.addAll(List.of(options.trim().split("\\s+"))));
        command.addAll(List.of(arguments));
        return command;
    }
}
