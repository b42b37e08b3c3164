package dev.ktx.ingest.service;

import dev.ktx.ingest.core.config.Durations;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * A task a service runs again and again, {@code interval} after each run ends, on a daemon thread of its own until
 * {@link #stop()}. A run that throws does not end the schedule (a scheduled executor would cancel it): the failure
 * is logged and the next run comes as planned.
 */
public final class PeriodicTask {

    private final String description;
    private final Logger log;
    private final ScheduledExecutorService executor;

    /**
     * @param threadName  the thread's name, e.g. {@code ktx-deadline-check}
     * @param description what the task does, in the message of a failed run, e.g. {@code deadline check}
     * @param log         the owner's logger, which logs a failed run
     */
    public PeriodicTask(String threadName, String description, Logger log) {
        this.description = description;
        this.log = log;
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    public void start(Duration initialDelay, Duration interval, Runnable task) {
        executor.scheduleWithFixedDelay(
                () -> runOnce(task, interval), initialDelay.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the schedule and interrupts a run in progress. */
    public void stop() {
        executor.shutdownNow();
    }

    private void runOnce(Runnable task, Duration interval) {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.warnf(e, "%s failed; trying again in %s", description, Durations.format(interval));
        }
    }
}
