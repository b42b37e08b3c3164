package dev.ktx.ingest.planner.trigger;

import dev.ktx.ingest.core.api.RunTrigger;
import dev.ktx.ingest.core.config.KtxConfig;
import dev.ktx.ingest.core.messaging.InvalidMessageException;
import dev.ktx.ingest.core.messaging.ProjectRef;
import dev.ktx.ingest.core.retry.TransientFailures;
import dev.ktx.ingest.planner.run.RunNotStartedException;
import dev.ktx.ingest.planner.run.RunPlanner;
import dev.ktx.ingest.planner.run.RunRequest;
import dev.ktx.ingest.planner.run.RunStarts;
import dev.ktx.ingest.planner.run.StartKey;
import dev.ktx.ingest.planner.trigger.EventOutcome.Outcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.redisson.api.RLock;

/**
 * The one path of every upstream CloudEvent, from Kafka ({@code upstream.events}) and HTTP ({@code POST /api/events}):
 * resolve the project, match the project's trigger rules, then debounce — the first matching event opens the
 * project's window, later ones join it (union of targets), and when it is due exactly one run starts over the union
 * ({@link WindowCheck}); the window id is that run's start key, so two replicas or a redelivery never start it twice.
 * An event's {@code source} + {@code id} is reserved for the window it joined: a redelivered event changes nothing.
 * Every outcome is counted in {@code ktx_upstream_events_total{outcome}}.
 */
@Startup
@ApplicationScoped
public class UpstreamEvents {

    private static final Logger LOG = Logger.getLogger(UpstreamEvents.class);

    private final RunPlanner planner;
    private final RunStarts starts;
    private final DebounceWindows windows;
    private final MeterRegistry meters;
    private final Clock clock = Clock.systemUTC();

    public UpstreamEvents(RunPlanner planner, RunStarts starts, DebounceWindows windows, MeterRegistry meters) {
        this.planner = planner;
        this.starts = starts;
        this.windows = windows;
        this.meters = meters;
        // every outcome's series exists from the start, so a rate over it works before the first event
        for (Outcome outcome : Outcome.values()) {
            counter(outcome);
        }
    }

    /**
     * Reads the event ({@link CloudEvent#structured} or {@link CloudEvent#binary}) and routes it.
     *
     * @throws InvalidMessageException when the event cannot be read, or names no project or an unknown one
     */
    public EventOutcome handle(Supplier<CloudEvent> read) {
        try {
            EventOutcome outcome = route(read.get());
            counter(outcome.outcome()).increment();
            return outcome;
        } catch (InvalidMessageException e) {
            counter(Outcome.malformed).increment();
            throw e;
        } catch (RuntimeException e) {
            counter(Outcome.rejected).increment();
            throw e;
        }
    }

    private EventOutcome route(CloudEvent event) {
        ProjectRef project = event.project();
        KtxConfig config;
        try {
            config = planner.config(project);
        } catch (IllegalArgumentException e) {
            throw new InvalidMessageException("CloudEvent project refused: " + e.getMessage(), e);
        }
        Optional<EventTargets> targets = EventTargets.match(config, event);
        if (targets.isEmpty()) {
            LOG.infof(
                    "upstream event %s (type %s, source %s) matches no trigger rule of %s",
                    event.id(), event.type(), event.source(), project.projectId());
            return EventOutcome.unmatched();
        }
        return debounce(project, event, targets.get(), config.ingest().debounce());
    }

    private EventOutcome debounce(ProjectRef project, CloudEvent event, EventTargets targets, Duration debounce) {
        String projectKey = DebounceWindows.projectKey(project);
        RLock lock = windows.lock(projectKey);
        lock.lock();
        try {
            Optional<DebounceWindow> open = windows.find(projectKey);
            String windowId = open.map(DebounceWindow::windowId)
                    .orElseGet(() -> UUID.randomUUID().toString());
            // a token of this delivery, so that a redelivery into the same open window is a duplicate too
            String delivery = windowId + " " + UUID.randomUUID();
            String reserved = starts.reserve(project, StartKey.cloudEvent(event.source(), event.id()), delivery);
            if (!reserved.equals(delivery)) {
                return new EventOutcome(Outcome.duplicate, reserved.split(" ")[0], null, null);
            }
            Instant now = clock.instant();
            DebounceWindow window = open.map(w -> w.join(event.id(), targets))
                    .orElseGet(() -> DebounceWindow.open(
                            windowId, projectKey, project, event.id(), targets, now, now.plus(debounce)));
            if (debounce.isZero()) {
                return new EventOutcome(Outcome.started, windowId, start(window), null);
            }
            windows.save(window);
            return new EventOutcome(
                    open.isPresent() ? Outcome.coalesced : Outcome.opened, windowId, null, window.dueAt());
        } finally {
            lock.unlock();
        }
    }

    /**
     * Starts the window's run if it is due, under the project's lock; a window whose run cannot be planned any more
     * (its targets left {@code ktx.yaml}) is dropped with a warning, one whose jobs could not be published stays for
     * the next check.
     */
    void startIfDue(String projectKey) {
        RLock lock = windows.lock(projectKey);
        lock.lock();
        try {
            Optional<DebounceWindow> window = windows.find(projectKey);
            if (window.isEmpty()) {
                windows.remove(projectKey);
            } else if (!window.get().dueAt().isAfter(clock.instant())) {
                startOrDrop(window.get());
            }
        } finally {
            lock.unlock();
        }
    }

    private void startOrDrop(DebounceWindow window) {
        try {
            start(window);
        } catch (RunNotStartedException e) {
            throw e;
        } catch (RuntimeException e) {
            if (TransientFailures.isTransient(e)) {
                throw e;
            }
            LOG.warnf(
                    "dropping debounce window %s of %s (events %s): its run cannot start: %s",
                    window.windowId(), window.project().projectId(), window.eventIds(), e.getMessage());
            windows.remove(window.projectKey());
        }
    }

    /** Starts the window's run (idempotent: the window id is the start key) and closes the window. */
    private String start(DebounceWindow window) {
        String runId = planner.start(new RunRequest(
                window.project(),
                window.planRequest(),
                StartKey.window(window.windowId()),
                RunTrigger.events(window.eventIds())));
        windows.remove(window.projectKey());
        LOG.infof(
                "debounce window %s of %s started run %s for events %s",
                window.windowId(), window.project().projectId(), runId, window.eventIds());
        return runId;
    }

    private Counter counter(Outcome outcome) {
        return meters.counter("ktx_upstream_events_total", "outcome", outcome.name());
    }
}
