package dev.ktx.ingest.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/** Reads {@code ingest.triggers}: a list of rules, each checked against the connections of the same file. */
final class TriggersReader {

    static final String ALL = "all";

    private final Set<String> connectionIds;

    TriggersReader(Set<String> connectionIds) {
        this.connectionIds = connectionIds;
    }

    List<TriggerRule> read(List<YamlMapping> rules) {
        List<TriggerRule> read = new ArrayList<>();
        for (YamlMapping rule : rules) {
            Optional<EventPattern> type = rule.requiredString("type", "a trigger rule matches events by their type")
                    .flatMap(glob -> pattern(rule, "type", glob));
            Optional<EventPattern> source = rule.string("source").flatMap(glob -> pattern(rule, "source", glob));
            Optional<EventPattern> subject = rule.string("subject").flatMap(glob -> pattern(rule, "subject", glob));
            Optional<Optional<SortedSet<String>>> targets = targets(rule);
            boolean databaseFirst = rule.bool("databaseFirst").orElse(true);
            boolean patternsValid =
                    (!rule.has("source") || source.isPresent()) && (!rule.has("subject") || subject.isPresent());
            if (type.isPresent() && targets.isPresent() && patternsValid) {
                read.add(new TriggerRule(type.get(), source, subject, targets.get(), databaseFirst));
            }
        }
        return List.copyOf(read);
    }

    private static Optional<EventPattern> pattern(YamlMapping rule, String key, String glob) {
        String problem = EventPattern.problem(glob);
        if (problem != null) {
            rule.invalid(key, problem);
            return Optional.empty();
        }
        return Optional.of(new EventPattern(glob));
    }

    /** {@code all}, or a non-empty list of known connection ids; empty when invalid (the problem is reported). */
    private Optional<Optional<SortedSet<String>>> targets(YamlMapping rule) {
        String expected = "expected all or a list of connection ids";
        if (!rule.has("targets")) {
            rule.missing("targets", expected);
            return Optional.empty();
        }
        if (rule.isString("targets")) {
            Optional<String> all = rule.string("targets");
            if (all.isPresent() && !all.get().equals(ALL)) {
                rule.invalid("targets", expected + " (got " + all.get() + ")");
                return Optional.empty();
            }
            return all.map(ignored -> Optional.empty());
        }
        Optional<List<String>> ids = rule.stringList("targets");
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        if (ids.get().isEmpty()) {
            rule.invalid("targets", expected + " (got an empty list)");
            return Optional.empty();
        }
        List<String> unknown =
                ids.get().stream().filter(id -> !connectionIds.contains(id)).toList();
        if (!unknown.isEmpty()) {
            rule.invalid("targets", "unknown connection " + String.join(", ", unknown));
            return Optional.empty();
        }
        return Optional.of(Optional.of(new TreeSet<>(ids.get())));
    }
}
