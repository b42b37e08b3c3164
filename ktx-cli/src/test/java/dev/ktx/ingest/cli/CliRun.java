package dev.ktx.ingest.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** Runs the CLI in-process with captured stdout and stderr and a controlled environment. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun of(String... args) {
        return with(Map.of(), args);
    }

    public static CliRun with(Map<String, String> variables, String... args) {
        return with(new CliEnvironment(variables, Clock.systemUTC(), Path.of("does-not-exist")), args);
    }

    public static CliRun with(CliEnvironment environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Ktx.execute(environment, new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }
}
