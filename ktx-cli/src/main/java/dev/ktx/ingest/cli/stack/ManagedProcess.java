package dev.ktx.ingest.cli.stack;

import dev.ktx.ingest.cli.CliException;
import dev.ktx.ingest.localstack.Executables;
import dev.ktx.ingest.localstack.ProcessTrees;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A process of the local stack that outlives the CLI, known by its pid file and its log. Unlike test-infra's
 * launchers there is no shutdown hook: only {@code ktx stack down} stops it.
 */
final class ManagedProcess {

    /** Whether the process serves yet; an exception counts as "not yet". */
    interface Probe {
        boolean ready() throws Exception;
    }

    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final Optional<Path> SETSID = Executables.onPath("setsid");

    private final String name;
    private final PidFile pidFile;
    private final Path log;

    ManagedProcess(String name, StackLayout layout) {
        this.name = name;
        this.pidFile = new PidFile(layout.pidFile(name));
        this.log = layout.log(name);
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    Optional<ProcessHandle> running() {
        return pidFile.alive();
    }

    /**
     * Starts {@code command} with exactly {@code environment}, in a session of its own where {@code setsid} exists,
     * so that Ctrl-C in the terminal that ran {@code ktx stack up} does not reach it; stdin is {@code /dev/null},
     * stdout and stderr go to the log, started afresh so that its tail is about this process.
     */
    ProcessHandle start(List<String> command, Map<String, String> environment) {
        List<String> detached = new ArrayList<>();
        SETSID.ifPresent(setsid -> detached.add(setsid.toString()));
        detached.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(detached)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(log.getParent());
            ProcessHandle process = builder.start().toHandle();
            pidFile.write(process);
            return process;
        } catch (IOException e) {
            throw new CliException(
                    "cannot start " + name + " (" + String.join(" ", command) + "): " + e.getMessage(), e);
        }
    }

    /** Waits until {@code probe} answers; fails with the log's tail if the process dies or {@code timeout} passes. */
    void awaitReady(ProcessHandle process, Probe probe, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!answers(probe)) {
            if (!process.isAlive()) {
                throw notReady("exited before it was ready");
            }
            if (System.nanoTime() - deadline > 0) {
                throw notReady("was not ready within " + timeout.toSeconds() + "s");
            }
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliException("interrupted while waiting for " + name, e);
            }
        }
    }

    /** SIGTERM to the process and its descendants, SIGKILL after a grace period; the pid file goes either way. */
    Optional<Long> stop() {
        Optional<ProcessHandle> process = pidFile.alive();
        process.ifPresent(ManagedProcess::terminate);
        pidFile.delete();
        return process.map(ProcessHandle::pid);
    }

    static boolean answers(Probe probe) {
        try {
            return probe.ready();
        } catch (Exception notYet) {
            return false;
        }
    }

    private static void terminate(ProcessHandle process) {
        ProcessTrees.terminate(process, STOP_GRACE);
    }

    private CliException notReady(String what) {
        return new CliException(List.of(
                name + " " + what + "; last lines of " + log + ":",
                LogTail.of(log),
                "(what did start keeps running: ktx stack status, ktx stack down)"));
    }
}
