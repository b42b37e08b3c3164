package dev.ktx.ingest.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of a project, started as an operator does ({@code ktx ingest --all --json --timeout <bound>}, in the
 * background so that a drill can inject its fault meanwhile) and followed to its final state through
 * {@code ktx ingest status}, which also outlasts a planner that is down for a while (the waiting CLI gives up on
 * the first failed poll).
 */
final class IngestRun {

    private static final Pattern STARTED = Pattern.compile("run (\\S+) started");
    private static final Duration RUN_ID_WAIT = Duration.ofSeconds(60);
    private static final Duration STATUS_POLL = Duration.ofSeconds(1);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final E2eStack cli;
    private final Duration bound;
    private final long deadline;
    private final Optional<CompletableFuture<E2eStack.Result>> command;
    private final StringWriter err;
    private volatile String runId;

    private IngestRun(
            E2eStack cli,
            Duration bound,
            Optional<CompletableFuture<E2eStack.Result>> command,
            StringWriter err,
            String runId) {
        this.cli = cli;
        this.bound = bound;
        this.deadline = System.nanoTime() + bound.toNanos();
        this.command = command;
        this.err = err;
        this.runId = runId;
    }

    /** {@code ktx ingest --all} of {@code project} (its directory name is its project id). */
    static IngestRun start(E2eStack cli, Path project, Duration bound) {
        StringWriter err = new StringWriter();
        CompletableFuture<E2eStack.Result> command = CompletableFuture.supplyAsync(() -> cli.ktx(
                new StringWriter(),
                err,
                "ingest",
                "--all",
                "--json",
                "--project-dir",
                project.toString(),
                "--project-id",
                project.getFileName().toString(),
                "--timeout",
                bound.toSeconds() + "s"));
        return new IngestRun(cli, bound, Optional.of(command), err, null);
    }

    /** A run started some other way (e.g. a request message), known by its id. */
    static IngestRun follow(E2eStack cli, String runId, Duration bound) {
        return new IngestRun(cli, bound, Optional.empty(), new StringWriter(), runId);
    }

    /** The run's id, as the CLI prints it once the planner accepted the run. */
    String runId() {
        long until = System.nanoTime() + RUN_ID_WAIT.toNanos();
        while (runId == null) {
            Matcher started = STARTED.matcher(err.toString());
            if (started.find()) {
                runId = started.group(1);
            } else if (command.orElseThrow().isDone() || System.nanoTime() - until > 0) {
                throw new AssertionError(
                        "ktx ingest did not start a run: " + command.get().getNow(null));
            } else {
                StackProcess.sleep(Duration.ofMillis(50));
            }
        }
        return runId;
    }

    /**
     * Waits until {@code ktx ingest status} says the run finished, at most until the bound given at the start.
     *
     * @throws AssertionError when the run is not final by then, with what the CLI and the planner said last
     */
    RunOutcome awaitFinal() {
        String id = runId();
        Optional<E2eStack.Result> waited = command.map(this::join);
        E2eStack.Result status = cli.ktx("ingest", "status", id);
        while (!status.out().contains("status: finished")) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("run " + id + " did not reach a final state within " + bound
                        + "\nlast `ktx ingest status`: exit " + status.exitCode() + "\n" + status.out() + status.err()
                        + waited.map(r -> "\n`ktx ingest --all`: exit " + r.exitCode() + "\n" + r.err())
                                .orElse(""));
            }
            StackProcess.sleep(STATUS_POLL);
            status = cli.ktx("ingest", "status", id);
        }
        E2eStack.Result report = cli.ktx("ingest", "status", id, "--json");
        try {
            return new RunOutcome(id, JSON.readTree(report.out()), waited);
        } catch (Exception e) {
            throw new AssertionError("unreadable report of run " + id + ": " + report.out() + report.err(), e);
        }
    }

    /** The waiting CLI ends by itself at the bound (its --timeout); the margin only guards against a hang. */
    private E2eStack.Result join(CompletableFuture<E2eStack.Result> running) {
        try {
            long left = Math.max(0, deadline - System.nanoTime());
            return running.get(left + TimeUnit.SECONDS.toNanos(60), TimeUnit.NANOSECONDS);
        } catch (Exception e) {
            throw new AssertionError("ktx ingest --all did not return after its --timeout " + bound, e);
        }
    }
}
