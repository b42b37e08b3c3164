package dev.ktx.ingest.planner.trigger;

import dev.ktx.ingest.core.config.Durations;
import dev.ktx.ingest.planner.state.RunSettings;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Every {@code ktx.planner.debounce-check-interval} the planner starts the runs of the debounce windows that are due.
 * Windows live in Redis, so whichever replica looks first starts a window's run, and a window opened before a restart
 * is started after it.
 */
@ApplicationScoped
public class WindowCheck {

    private static final Logger LOG = Logger.getLogger(WindowCheck.class);

    private final DebounceWindows windows;
    private final UpstreamEvents events;
    private final RunSettings settings;
    private final Clock clock = Clock.systemUTC();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "ktx-debounce-check");
        thread.setDaemon(true);
        return thread;
    });

    public WindowCheck(DebounceWindows windows, UpstreamEvents events, RunSettings settings) {
        this.windows = windows;
        this.events = events;
        this.settings = settings;
    }

    void start(@Observes StartupEvent event) {
        long interval = settings.debounceCheckInterval().toMillis();
        executor.scheduleWithFixedDelay(this::startDueWindows, interval, interval, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** Never throws: an exception would cancel the schedule. */
    private void startDueWindows() {
        try {
            for (String projectKey : windows.due(clock.instant())) {
                try {
                    events.startIfDue(projectKey);
                } catch (RuntimeException e) {
                    LOG.warnf(
                            e,
                            "starting the due debounce window of project %s failed; trying again in %s",
                            projectKey,
                            Durations.format(settings.debounceCheckInterval()));
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf(
                    e, "debounce check failed; trying again in %s", Durations.format(settings.debounceCheckInterval()));
        }
    }
}
