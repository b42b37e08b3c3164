package dev.ktx.ingest.planner.trigger;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ktx.ingest.core.messaging.ProjectRef;
import dev.ktx.ingest.core.plan.PlanRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The open debounce window of one project: the union of the targets of the events that joined it, and their ids.
 * It opens with the first matching event and is due {@code ingest.debounce} later; later events join it without
 * moving that moment, so a steady stream of events still starts a run every window.
 *
 * @param projectKey what identifies the project in Redis ({@link DebounceWindows#projectKey})
 * @param targets    connection ids; null for every connection
 */
public record DebounceWindow(
        String windowId,
        String projectKey,
        ProjectRef project,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<String> targets,
        boolean databaseFirst,
        List<String> eventIds,
        Instant openedAt,
        Instant dueAt) {

    public DebounceWindow {
        targets = targets == null ? null : List.copyOf(new TreeSet<>(targets));
        eventIds = List.copyOf(eventIds);
    }

    static DebounceWindow open(
            String windowId,
            String projectKey,
            ProjectRef project,
            String eventId,
            EventTargets targets,
            Instant now,
            Instant dueAt) {
        return new DebounceWindow(
                windowId,
                projectKey,
                project,
                targets.connectionIds().map(List::copyOf).orElse(null),
                targets.databaseFirst(),
                List.of(eventId),
                now,
                dueAt);
    }

    /** This window with the event's targets added. */
    DebounceWindow join(String eventId, EventTargets eventTargets) {
        EventTargets union = eventTargets().union(eventTargets);
        List<String> ids = new ArrayList<>(eventIds);
        ids.add(eventId);
        return new DebounceWindow(
                windowId,
                projectKey,
                project,
                union.connectionIds().map(List::copyOf).orElse(null),
                union.databaseFirst(),
                ids,
                openedAt,
                dueAt);
    }

    EventTargets eventTargets() {
        return new EventTargets(Optional.ofNullable(targets).map(TreeSet::new), databaseFirst);
    }

    PlanRequest planRequest() {
        return targets == null ? PlanRequest.all() : PlanRequest.connections(targets, databaseFirst);
    }
}
