package dev.ktx.ingest.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a process was started: its command line, environment and working directory. Read from {@code /proc} of a
 * running process, so that a fault drill starts a killed component again exactly as {@code ktx stack up} did,
 * whatever options the stack gave it (ports, data directory, {@code KTX_*} settings).
 */
record ProcessLaunch(List<String> command, Map<String, String> environment, Path directory) {

    ProcessLaunch {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }

    static ProcessLaunch of(ProcessHandle process) {
        Path proc = Path.of("/proc", Long.toString(process.pid()));
        try {
            List<String> command = nulSeparated(proc.resolve("cmdline"));
            Map<String, String> environment = new HashMap<>();
            for (String entry : nulSeparated(proc.resolve("environ"))) {
                int equals = entry.indexOf('=');
                if (equals > 0) {
                    environment.put(entry.substring(0, equals), entry.substring(equals + 1));
                }
            }
            return new ProcessLaunch(command, environment, proc.resolve("cwd").toRealPath());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read how pid " + process.pid() + " was started (needs Linux /proc)", e);
        }
    }

    /** The same launch with one variable changed, e.g. the HTTP port of a second replica. */
    ProcessLaunch with(String variable, String value) {
        Map<String, String> changed = new HashMap<>(environment);
        changed.put(variable, value);
        return new ProcessLaunch(command, changed, directory);
    }

    /** Starts it with exactly this environment; output is appended to {@code log}, so what led to a fault stays. */
    ProcessHandle start(Path log) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().clear();
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(log.getParent());
            return builder.start().toHandle();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + String.join(" ", command), e);
        }
    }

    private static List<String> nulSeparated(Path file) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        return List.of(text.split("\0"));
    }
}
