package dev.ktx.ingest.testinfra;

import dev.ktx.ingest.localstack.ProcessTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A child process whose output is appended to a log file. {@link #start} waits until it is ready; {@link #close}
 * stops it with all its descendants (SIGTERM, then SIGKILL after a grace period). Failures quote the log's tail.
 */
final class LocalProcess implements AutoCloseable {

    /** Whether the process serves yet; an exception counts as "not yet". */
    interface Readiness {
        boolean isReady() throws Exception;
    }

    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final int LOG_TAIL_LINES = 20;

    private final Process process;
    private final String name;
    private final Path log;

    private LocalProcess(Process process, String name, Path log) {
        this.process = process;
        this.name = name;
        this.log = log;
    }

    /** @param name what the process is, for messages (the command may start with a wrapper such as setpriv) */
    static LocalProcess start(String name, List<String> command, Path log, Readiness readiness, Duration timeout)
            throws IOException, InterruptedException, TimeoutException {
        LocalProcess started = new LocalProcess(launch(command, log), name, log);
        // Registered at once: a JVM stopping while we wait must not leave the process behind.
        Cleanup.register(started);
        try {
            started.awaitReady(readiness, timeout);
            return started;
        } catch (Exception e) {
            started.close();
            throw e;
        }
    }

    /** Runs a command to completion; a non-zero exit is an {@link IOException} quoting the log. */
    static void run(String name, List<String> command, Path log, Duration timeout)
            throws IOException, InterruptedException, TimeoutException {
        try (LocalProcess running = new LocalProcess(launch(command, log), name, log)) {
            if (!running.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new TimeoutException(running.failure("did not finish within " + timeout));
            }
            if (running.process.exitValue() != 0) {
                throw new IOException(running.failure("exited with code " + running.process.exitValue()));
            }
        }
    }

    @Override
    public void close() {
        Cleanup.unregister(this);
        ProcessTrees.terminate(process.toHandle(), STOP_GRACE);
    }

    long pid() {
        return process.pid();
    }

    @Override
    public String toString() {
        return name + " pid " + process.pid() + ", log " + log;
    }

    private static Process launch(List<String> command, Path log) throws IOException {
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    private void awaitReady(Readiness readiness, Duration timeout)
            throws IOException, InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!probe(readiness)) {
            if (!process.isAlive()) {
                throw new IOException(failure("exited with code " + process.exitValue() + " before it was ready"));
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException(failure("was not ready within " + timeout));
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
    }

    private static boolean probe(Readiness readiness) {
        try {
            return readiness.isReady();
        } catch (Exception notYet) {
            return false;
        }
    }

    private String failure(String what) {
        return name + " " + what + "; last lines of " + log + ":\n" + logTail();
    }

    private String logTail() {
        try {
            // Decoded leniently: a server's log is not guaranteed to be valid UTF-8.
            List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
