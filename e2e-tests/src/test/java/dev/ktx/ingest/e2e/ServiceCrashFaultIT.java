package dev.ktx.ingest.e2e;

import dev.ktx.ingest.core.trace.TraceEvents;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Service processes that die or freeze in the middle of a run (docs/reliability.md, drills a, b, c, f, i): the run
 * must still end, with every {@code done} target on {@code main} exactly once.
 */
class ServiceCrashFaultIT extends FaultSuite {

    private static final Duration RESTART = Duration.ofMinutes(2);
    private static final String IN_FLIGHT = "ktx_source_jobs_in_flight";
    private static final String LAG = "ktx_consumer_group_lag";

    /** (a) kill -9 inside the final window, before the CAS; the lock is held until its watchdog lets go. */
    @Test
    void finalizerKilledInsideTheFinalWindowIsRestarted() throws Exception {
        try (Drill drill = Drill.start(stack)) {
            FinalWindowStrike.Struck struck = FinalWindowStrike.inWindow(
                    drill, stack, target -> true, StackProcess::kill, finalizer -> finalizer.restart(RESTART));
            struck.finalizer().restart(RESTART);

            drill.finish();
        }
    }

    /**
     * (b) SIGSTOP inside the final window for longer than the lock watchdog: the other finalizer takes the lock and
     * works; the frozen one then wakes up in a window whose lock it lost.
     */
    @Test
    void finalizerFrozenPastTheLockWatchdogWhileTheOtherFinalizerWorks() throws Exception {
        try (Drill drill = Drill.start(stack)) {
            FinalWindowStrike.Struck struck = FinalWindowStrike.inWindow(
                    drill, stack, FaultProject::isSource, StackProcess::pause, StackProcess::resume);
            int frozenAt = drill.traces().mark();
            try {
                String frozen = struck.finalizer().pid() + "@";
                drill.awaitAfter(
                        frozenAt,
                        "final_window_entered held by the other finalizer",
                        e -> e.event().equals(TraceEvents.FINAL_WINDOW_ENTERED)
                                && !String.valueOf(e.data().get("holder")).startsWith(frozen));
            } finally {
                struck.finalizer().resume();
            }

            drill.finish();
        }
    }

    /** (c) kill -9 a source worker while it runs jobs; it stays down and the other worker must take them over. */
    @Test
    void sourceWorkerKilledMidJob() throws Exception {
        try (Drill drill = Drill.start(stack)) {
            drill.await(
                    "a source job started",
                    e -> e.event().equals(TraceEvents.TARGET_STARTED) && FaultProject.isSource(e.connectionId()));
            StackProcess busy = awaitBusySourceWorker();
            busy.kill();

            drill.finish();
        }
    }

    /** (f) kill -9 the planner right after the database-stage barrier, while it releases source jobs; restart it. */
    @Test
    void plannerKilledAfterTheBarrierIsRestarted() throws Exception {
        try (Drill drill = Drill.start(stack)) {
            drill.await("stage_barrier_reached", e -> e.event().equals(TraceEvents.STAGE_BARRIER_REACHED));
            StackProcess planner = stack.process(FaultStack.PLANNER);
            planner.kill();
            planner.restart(RESTART);

            drill.finish();
        }
    }

    /**
     * (i) Both finalizers frozen once the database stage is through: the finalize requests of the sources wait on
     * their topic, and the planner's broker-side lag of the finalizer group shows them although no member of that
     * group answers (docs/operations.md, "Lag"). Thawed, the run ends.
     */
    @Test
    void finalizersFrozenShowTheirLagOnThePlanner() throws Exception {
        try (Drill drill = Drill.start(stack)) {
            drill.await("stage_barrier_reached", e -> e.event().equals(TraceEvents.STAGE_BARRIER_REACHED));
            List<StackProcess> finalizers = List.of(
                    stack.process(FaultStack.FINALIZER), stack.process(FaultStack.FINALIZER + FaultStack.SECOND));
            finalizers.forEach(StackProcess::pause);
            try {
                awaitFinalizerLag();
            } finally {
                finalizers.forEach(StackProcess::resume);
            }

            drill.finish();
        }
    }

    private void awaitFinalizerLag() {
        String planner = stack.url(FaultStack.PLANNER);
        long deadline = System.nanoTime() + Drill.RUN_BOUND.toNanos();
        while (ServiceMetrics.sample(planner, LAG, "group=\"ktx-finalizer\"", "topic=\"ktx.finalize.requests\"") <= 0) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(
                        LAG + " of ktx-finalizer on ktx.finalize.requests stayed 0 while both finalizers were frozen");
            }
            StackProcess.sleep(Duration.ofMillis(500));
        }
    }

    /** The source worker with the most jobs in flight, once one has any (a job starts before its metric moves). */
    private StackProcess awaitBusySourceWorker() {
        Comparator<StackProcess> byJobs =
                Comparator.comparingDouble(w -> ServiceMetrics.gauge(stack.url(w.name()), IN_FLIGHT));
        Predicate<StackProcess> busy = w -> ServiceMetrics.gauge(stack.url(w.name()), IN_FLIGHT) > 0;
        long deadline = System.nanoTime() + FaultStack.MIN_JOB_DURATION.toNanos();
        while (stack.sourceWorkers().stream().noneMatch(busy)) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("no source worker reports " + IN_FLIGHT + " > 0 while a job runs");
            }
            StackProcess.sleep(Duration.ofMillis(100));
        }
        return stack.sourceWorkers().stream().max(byJobs).orElseThrow();
    }
}
