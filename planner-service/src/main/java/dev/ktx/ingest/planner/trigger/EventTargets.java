package dev.ktx.ingest.planner.trigger;

import dev.ktx.ingest.core.config.KtxConfig;
import dev.ktx.ingest.core.config.TriggerRule;
import dev.ktx.ingest.core.messaging.IngestRequestMessage;
import dev.ktx.ingest.core.messaging.InvalidMessageException;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What an upstream event ingests, by the {@code ingest.triggers} rules of the project's {@code ktx.yaml}: every
 * matching rule adds its targets (union), and the database targets run first if any matching rule asks for it.
 * Without rules the built-in one applies: type {@value #BUILT_IN_TYPE}, targets from the event's data
 * ({@code connectionId | all}), and only those run.
 *
 * @param connectionIds empty for every connection
 */
public record EventTargets(Optional<SortedSet<String>> connectionIds, boolean databaseFirst) {

    public static final String BUILT_IN_TYPE = "ktx.ingest.requested";

    /** Empty when no rule matches the event. */
    public static Optional<EventTargets> match(KtxConfig config, CloudEvent event) {
        List<TriggerRule> rules = config.ingest().triggers();
        if (rules.isEmpty()) {
            return BUILT_IN_TYPE.equals(event.type()) ? Optional.of(builtIn(config, event)) : Optional.empty();
        }
        List<TriggerRule> matching = rules.stream()
                .filter(r -> r.matches(event.type(), event.source(), event.subject()))
                .toList();
        return matching.stream()
                .map(rule -> new EventTargets(rule.targets(), rule.databaseFirst()))
                .reduce(EventTargets::union);
    }

    private static EventTargets builtIn(KtxConfig config, CloudEvent event) {
        IngestRequestMessage request = event.ingestRequest();
        if (request.all()) {
            return new EventTargets(Optional.empty(), false);
        }
        if (config.connection(request.connectionId()).isEmpty()) {
            throw new InvalidMessageException(
                    "CloudEvent data.connectionId: unknown connection " + request.connectionId() + " (known: "
                            + String.join(", ", config.connections().keySet()) + ")",
                    null);
        }
        return new EventTargets(Optional.of(new TreeSet<>(List.of(request.connectionId()))), false);
    }

    public EventTargets union(EventTargets other) {
        Optional<SortedSet<String>> ids = connectionIds.isEmpty() || other.connectionIds.isEmpty()
                ? Optional.empty()
                : Optional.of(union(connectionIds.get(), other.connectionIds.get()));
        return new EventTargets(ids, databaseFirst || other.databaseFirst);
    }

    private static SortedSet<String> union(SortedSet<String> a, SortedSet<String> b) {
        SortedSet<String> union = new TreeSet<>(a);
        union.addAll(b);
        return union;
    }
}
