package dev.ktx.ingest.planner.trigger;

import dev.ktx.ingest.core.config.Durations;
import dev.ktx.ingest.planner.state.RunSettings;
import dev.ktx.ingest.service.PeriodicTask;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
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
    private final PeriodicTask schedule = new PeriodicTask("ktx-debounce-check", "debounce check", LOG);

    public WindowCheck(DebounceWindows windows, UpstreamEvents events, RunSettings settings) {
        this.windows = windows;
        this.events = events;
        this.settings = settings;
    }

    void start(@Observes StartupEvent event) {
        Duration interval = settings.debounceCheckInterval();
        schedule.start(interval, interval, this::startDueWindows);
    }

    @PreDestroy
    void stop() {
        schedule.stop();
    }

    /** A window whose run fails to start does not keep the others from theirs. */
    private void startDueWindows() {
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
    }
}
