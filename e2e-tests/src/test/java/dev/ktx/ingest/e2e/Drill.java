package dev.ktx.ingest.e2e;

import dev.ktx.ingest.core.trace.TraceEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;

/**
 * One fault drill: a fresh {@link FaultProject}, a run of it on the {@link FaultStack}, the run's trace events to
 * time the fault by, and at the end {@link FaultChecks} on the faulted run and on a second run of the same inputs.
 */
final class Drill implements AutoCloseable {

    /** How a drill starts its run; the default is {@code ktx ingest --all}. */
    interface Starter {
        IngestRun start(FaultStack stack, Path project, TraceWatch traces) throws Exception;
    }

    /** A faulted run's bound: its own work (~1 min), failure detection, lock expiry and restarts, with room to spare. */
    static final Duration RUN_BOUND = Duration.ofMinutes(3);

    private static final Duration SECOND_RUN_BOUND = Duration.ofMinutes(2);

    private final FaultStack stack;
    private final Path project;
    private final ContextRepoGit repo;
    private final TraceWatch traces;
    private final DeadLetters deadLetters;
    private final IngestRun run;
    private final SoftAssertions softly = new SoftAssertions();

    private Drill(FaultStack stack, Path project, TraceWatch traces, DeadLetters deadLetters, IngestRun run) {
        this.stack = stack;
        this.project = project;
        this.repo = new ContextRepoGit(project);
        this.traces = traces;
        this.deadLetters = deadLetters;
        this.run = run;
    }

    static Drill start(FaultStack stack) throws Exception {
        return start(stack, (faults, project, traces) -> IngestRun.start(faults.cli(), project, RUN_BOUND));
    }

    static Drill start(FaultStack stack, Starter starter) throws Exception {
        Path project = FaultProject.create();
        DeadLetters deadLetters = DeadLetters.mark(stack.kafka());
        TraceWatch traces = TraceWatch.start(stack.kafka());
        try {
            return new Drill(stack, project, traces, deadLetters, starter.start(stack, project, traces));
        } catch (Exception | Error e) {
            traces.close();
            throw e;
        }
    }

    String runId() {
        return run.runId();
    }

    Path project() {
        return project;
    }

    ContextRepoGit repo() {
        return repo;
    }

    TraceWatch traces() {
        return traces;
    }

    /** For assertions of one drill, reported together with the common ones by {@link #check}. */
    SoftAssertions softly() {
        return softly;
    }

    /** The first event of this run (since the drill started) that matches. */
    TraceEvent await(String what, Predicate<TraceEvent> match) {
        return awaitAfter(0, what, match);
    }

    /** The first event of this run among those the watch received after {@link TraceWatch#mark()}. */
    TraceEvent awaitAfter(int mark, String what, Predicate<TraceEvent> match) {
        String runId = runId();
        return traces.awaitAfter(
                mark, what + " of run " + runId, e -> runId.equals(e.runId()) && match.test(e), RUN_BOUND);
    }

    RunOutcome awaitFinal() {
        return run.awaitFinal();
    }

    /** The run's outcome as the planner reports it now, e.g. after a replay. */
    RunOutcome reread() {
        return IngestRun.follow(stack.cli(), runId(), SECOND_RUN_BOUND).awaitFinal();
    }

    /**
     * Waits for the run's final state, then {@link #check}s it. A run that never gets there fails the drill, with
     * what the repository, the topics and the dead letters show about where it got stuck (no second run then).
     */
    void finish() {
        RunOutcome faulted;
        try {
            faulted = awaitFinal();
        } catch (AssertionError notFinal) {
            softly.fail(notFinal.getMessage());
            new FaultChecks(softly).aftermath(repo, stack.settle(), deadLetters.since());
            softly.assertAll();
            return;
        }
        check(faulted);
    }

    /** {@link FaultChecks} on {@code faulted} and on a second run of the same inputs; fails with everything that broke. */
    void check(RunOutcome faulted) {
        FaultChecks checks = new FaultChecks(softly);
        checks.faultedRun(faulted, repo, stack.settle(), deadLetters.since());
        try {
            RunOutcome second =
                    IngestRun.start(stack.cli(), project, SECOND_RUN_BOUND).awaitFinal();
            checks.secondRun(faulted, second, repo);
        } catch (AssertionError notFinal) {
            softly.fail("second run: " + notFinal.getMessage());
        }
        softly.assertAll();
    }

    /** The run's events with their offset from the first, so a failed drill's report shows what happened when. */
    String timeline() {
        var events = traces.of(runId());
        if (events.isEmpty()) {
            return "(no trace events of run " + runId() + ")";
        }
        Instant start = events.get(0).at();
        return events.stream()
                .map(e -> String.format(
                        "%+8.1fs %-28s %-14s %s",
                        Duration.between(start, e.at()).toMillis() / 1000.0,
                        e.event(),
                        e.connectionId() == null ? "" : e.connectionId(),
                        e.error() != null
                                ? e.error().lines().findFirst().orElse("")
                                : e.data() == null ? "" : e.data()))
                .collect(Collectors.joining("\n", "trace of run " + runId() + ":\n", ""));
    }

    @Override
    public void close() {
        try {
            System.out.println(timeline());
        } catch (RuntimeException | AssertionError noRunId) {
            System.out.println("(no run started)");
        }
        traces.close();
    }
}
