package dev.ktx.ingest.bench;

import java.io.IOException;
import java.nio.file.Path;

/** Runs the external tools the benchmarks compare against. */
final class Commands {

    private Commands() {}

    /** Runs the command in {@code dir}; fails with its output unless it exits with 0. */
    static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }
}
