package dev.ktx.ingest.e2e;

import dev.ktx.ingest.core.trace.TraceEvents;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The broker and Redis killed with SIGKILL while source jobs run, and started again on the same port (the broker
 * on its data; Redis, which keeps nothing, empty) once those jobs have ended: docs/reliability.md, drills d and e.
 */
class InfraRestartFaultIT extends FaultSuite {

    private static final Duration RESTART = Duration.ofMinutes(1);
    /** Longer than a source job, so that the jobs in flight publish their outcome while the component is down. */
    private static final Duration DOWNTIME = FaultStack.MIN_JOB_DURATION.plusSeconds(2);

    /** (d) */
    @Test
    void brokerKilledAndRestartedMidRun() throws Exception {
        killAndRestartWhileSourcesRun(FaultStack.KAFKA);
    }

    /** (e) The planner restores the run from the repository once Redis is back (RunRestorer). */
    @Test
    void redisKilledAndRestartedMidRun() throws Exception {
        killAndRestartWhileSourcesRun(FaultStack.REDIS);
    }

    private void killAndRestartWhileSourcesRun(String component) throws Exception {
        try (Drill drill = Drill.start(stack)) {
            drill.await(
                    "a source job started",
                    e -> e.event().equals(TraceEvents.TARGET_STARTED) && FaultProject.isSource(e.connectionId()));
            StackProcess process = stack.process(component);
            process.kill();
            StackProcess.sleep(DOWNTIME);
            process.restart(RESTART);

            drill.finish();
        }
    }
}
