package dev.ktx.ingest.core.trace;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code target_heartbeat} events while a job runs, on one scheduler shared by every job of a service. A heartbeat
 * names the phase of the target's last trace event, so a planner that fails a silent target can say where it was.
 */
public final class Heartbeats {

    /** Stops the heartbeat of one job; never throws. */
    public interface Beat extends AutoCloseable {
        @Override
        void close();
    }

    private final ScheduledExecutorService scheduler;
    private final Duration interval;

    public Heartbeats(ScheduledExecutorService scheduler, Duration interval) {
        this.scheduler = scheduler;
        this.interval = interval;
    }

    public Beat start(TargetTracer tracer, PhaseTrackingSink phases) {
        long millis = interval.toMillis();
        ScheduledFuture<?> beating = scheduler.scheduleAtFixedRate(
                () -> {
                    try {
                        tracer.info(phases.lastPhase(), TraceEvents.TARGET_HEARTBEAT, Map.of());
                    } catch (RuntimeException e) {
                        // A lost heartbeat is retried at the next tick; an exception would cancel every later one.
                    }
                },
                millis,
                millis,
                TimeUnit.MILLISECONDS);
        return () -> beating.cancel(false);
    }
}
