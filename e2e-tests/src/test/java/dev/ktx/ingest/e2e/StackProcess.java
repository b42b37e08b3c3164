package dev.ktx.ingest.e2e;

import dev.ktx.ingest.localstack.ProcessTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One process of the stack under test (broker, Redis or a service replica) that a fault drill kills with SIGKILL,
 * freezes with SIGSTOP, thaws with SIGCONT and starts again as it was started before ({@link ProcessLaunch}).
 * Components started by {@code ktx stack up} keep their pid file current, so {@code ktx stack down} stops the
 * restarted process too.
 */
final class StackProcess {

    /** Whether the process serves; an exception counts as "not yet". */
    interface Probe {
        boolean ready() throws Exception;
    }

    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration EXIT_WAIT = Duration.ofSeconds(20);

    private final String name;
    private final ProcessLaunch launch;
    private final Path log;
    private final Optional<Path> pidFile;
    private final Probe probe;
    private volatile ProcessHandle handle;

    private StackProcess(
            String name, ProcessLaunch launch, Path log, Optional<Path> pidFile, Probe probe, ProcessHandle handle) {
        this.name = name;
        this.launch = launch;
        this.log = log;
        this.pidFile = pidFile;
        this.probe = probe;
        this.handle = handle;
    }

    /**
     * A process {@code ktx stack up} started, found by its pid file ({@code <pid> <start ms>}, docs/cli.md).
     *
     * @param launch how it was started, e.g. {@link ProcessLaunch#of}
     */
    static StackProcess adopt(
            String name, Path pidFile, Path log, Probe probe, Function<ProcessHandle, ProcessLaunch> launch) {
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim().split("\\s+")[0]);
            ProcessHandle running = ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .orElseThrow(() -> new IllegalStateException(name + " (pid " + pid + ") is not running"));
            return new StackProcess(name, launch.apply(running), log, Optional.of(pidFile), probe, running);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pidFile, e);
        }
    }

    /** Starts another process, e.g. a second replica; {@link #awaitReady} tells when it serves. */
    static StackProcess start(String name, ProcessLaunch launch, Path log, Probe probe) {
        return new StackProcess(name, launch, log, Optional.empty(), probe, launch.start(log));
    }

    String name() {
        return name;
    }

    long pid() {
        return handle.pid();
    }

    ProcessLaunch launch() {
        return launch;
    }

    boolean isAlive() {
        return handle.isAlive();
    }

    boolean isReady() {
        try {
            return isAlive() && probe.ready();
        } catch (Exception notYet) {
            return false;
        }
    }

    /** SIGKILL: no shutdown hook, no goodbye to the broker or Redis; returns once the process is gone. */
    void kill() {
        handle.destroyForcibly();
        awaitExit();
    }

    /** SIGSTOP: the process keeps its sockets and threads but does nothing, as in a long GC pause. */
    void pause() {
        signal("STOP");
    }

    /** SIGCONT after {@link #pause()}; harmless on a running process. */
    void resume() {
        signal("CONT");
    }

    /** Starts it again as before (same ports, data and settings) and waits until it is ready. */
    void restart(Duration timeout) {
        relaunch();
        awaitReady(timeout);
    }

    /** Starts it again as before without waiting; {@link #awaitReady} tells when it serves. */
    void relaunch() {
        if (isAlive()) {
            throw new IllegalStateException(name + " still runs as pid " + pid());
        }
        handle = launch.start(log);
        pidFile.ifPresent(this::writePidFile);
    }

    /** SIGTERM, then SIGKILL after a grace period. */
    void stop() {
        resume();
        ProcessTrees.terminate(handle, EXIT_WAIT);
    }

    void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isReady()) {
            if (!isAlive()) {
                throw new IllegalStateException(name + " exited before it was ready; see " + log);
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log);
            }
            sleep(POLL);
        }
    }

    private void awaitExit() {
        try {
            handle.onExit().get(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(name + " (pid " + pid() + ") did not exit", e);
        }
    }

    private void signal(String signal) {
        if (!isAlive()) {
            return;
        }
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid()))
                    .inheritIO()
                    .start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot send SIG" + signal + " to " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling " + name, e);
        }
    }

    /** Same format as {@code ktx stack up} writes: the start time guards against pid reuse. */
    private void writePidFile(Path file) {
        String start = handle.info()
                .startInstant()
                .map(i -> Long.toString(i.toEpochMilli()))
                .orElse("-");
        try {
            Files.writeString(file, handle.pid() + " " + start + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + pid() + ")";
    }
}
