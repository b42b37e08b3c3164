package dev.ktx.ingest.core.config;

import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One {@code ingest.triggers} rule of ktx.yaml: the CloudEvents it matches and what they ingest.
 *
 * @param targets       connection ids; empty for {@code all}
 * @param databaseFirst whether the project's database targets run first (default true); false with only source
 *                      targets skips the database stage
 */
public record TriggerRule(
        EventPattern type,
        Optional<EventPattern> source,
        Optional<EventPattern> subject,
        Optional<SortedSet<String>> targets,
        boolean databaseFirst) {

    public TriggerRule {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(subject, "subject");
        targets = Objects.requireNonNull(targets, "targets")
                .map(ids -> Collections.unmodifiableSortedSet(new TreeSet<>(ids)));
    }

    /** Whether an event with these attributes matches; {@code subject} is null when the event has none. */
    public boolean matches(String eventType, String eventSource, String eventSubject) {
        return type.matches(eventType)
                && source.map(pattern -> pattern.matches(eventSource)).orElse(true)
                && subject.map(pattern -> pattern.matches(eventSubject)).orElse(true);
    }
}
