package dev.ktx.ingest.core.merge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Three-way merge of loaded YAML documents (mappings with string keys, lists and scalars; {@code null} = absent).
 * A value changed on one side only takes that side; mappings changed on both sides merge key by key, recursively
 * (an absent base counts as an empty mapping); lists follow {@link MergeRules}. Anything else changed differently
 * on both sides is a conflict at its key path. The result depends only on the three versions, not on which side
 * is which: keys, sets and identified lists come out sorted.
 */
final class YamlMerge {

    private static final String CHANGED = "changed on both sides";
    private static final String DELETED = "deleted on one side and changed on the other";
    /** Marks "both sides changed it differently"; {@code null} already means absent. */
    private static final Object BOTH_CHANGED = new Object();

    private final String path;
    private final MergeRules rules;
    private final List<MergeConflict> conflicts = new ArrayList<>();

    private YamlMerge(String path, MergeRules rules) {
        this.path = path;
        this.rules = rules;
    }

    /** The merged mapping, valid only when there are no conflicts. */
    record Result(Map<String, Object> merged, List<MergeConflict> conflicts) {}

    /** Merges the top-level mappings of one file; {@code path} names the file in conflicts. */
    static Result mappings(
            String path,
            MergeRules rules,
            Map<String, Object> base,
            Map<String, Object> ours,
            Map<String, Object> theirs) {
        YamlMerge merge = new YamlMerge(path, rules);
        Map<String, Object> merged = merge.mapping("", base, ours, theirs);
        return new Result(merged, List.copyOf(merge.conflicts));
    }

    private Object value(String at, Object base, Object ours, Object theirs) {
        Object oneSided = oneSided(base, ours, theirs);
        if (oneSided != BOTH_CHANGED) {
            return oneSided;
        }
        if (each(Map.class, base, ours, theirs)) {
            return mapping(at, asMap(base), asMap(ours), asMap(theirs));
        }
        MergeRules.ListRule rule = rules.lists().get(at);
        if (rule != null && each(List.class, base, ours, theirs)) {
            return rule instanceof MergeRules.ByIdentity identity
                    ? identified(at, identity, asList(base), asList(ours), asList(theirs))
                    : set(asList(base), asList(ours), asList(theirs));
        }
        return conflict(at, ours, theirs);
    }

    private Map<String, Object> mapping(
            String at, Map<String, Object> base, Map<String, Object> ours, Map<String, Object> theirs) {
        SortedSet<String> keys = new TreeSet<>(base.keySet());
        keys.addAll(ours.keySet());
        keys.addAll(theirs.keySet());
        Map<String, Object> merged = new LinkedHashMap<>();
        for (String key : keys) {
            Object value = value(child(at, key), base.get(key), ours.get(key), theirs.get(key));
            if (value != null) {
                merged.put(key, value);
            }
        }
        return merged;
    }

    /** Kept: what both sides kept, plus what either side added. */
    private static List<Object> set(List<?> base, List<?> ours, List<?> theirs) {
        Set<?> before = new HashSet<>(base);
        Set<?> theirsSet = new HashSet<>(theirs);
        Set<Object> merged = new LinkedHashSet<>();
        ours.stream()
                .filter(item -> !before.contains(item) || theirsSet.contains(item))
                .forEach(merged::add);
        theirs.stream().filter(item -> !before.contains(item)).forEach(merged::add);
        return merged.stream().sorted(Comparator.comparing(String::valueOf)).toList();
    }

    private Object identified(String at, MergeRules.ByIdentity rule, List<?> base, List<?> ours, List<?> theirs) {
        Optional<SortedMap<String, Map<String, Object>>> b = index(base, rule.field());
        Optional<SortedMap<String, Map<String, Object>>> o = index(ours, rule.field());
        Optional<SortedMap<String, Map<String, Object>>> t = index(theirs, rule.field());
        if (b.isEmpty() || o.isEmpty() || t.isEmpty()) {
            return conflict(at, ours, theirs);
        }
        SortedSet<String> ids = new TreeSet<>(b.get().keySet());
        ids.addAll(o.get().keySet());
        ids.addAll(t.get().keySet());
        List<Object> merged = new ArrayList<>();
        for (String id : ids) {
            Object entry = entry(
                    at + "[" + id + "]",
                    rule,
                    b.get().get(id),
                    o.get().get(id),
                    t.get().get(id));
            if (entry != null) {
                merged.add(entry);
            }
        }
        return merged;
    }

    /** The entry's definition as one value; its keyed fields merged as mappings. */
    private Object entry(
            String at,
            MergeRules.ByIdentity rule,
            Map<String, Object> base,
            Map<String, Object> ours,
            Map<String, Object> theirs) {
        Object oneSided = oneSided(base, ours, theirs);
        if (oneSided != BOTH_CHANGED) {
            return oneSided;
        }
        if (ours == null || theirs == null) {
            return conflict(at, ours, theirs);
        }
        Object definition = oneSided(
                without(base, rule.keyedFields()),
                without(ours, rule.keyedFields()),
                without(theirs, rule.keyedFields()));
        if (definition == BOTH_CHANGED) {
            return conflict(at, ours, theirs);
        }
        Map<String, Object> merged = new TreeMap<>(asMap(definition));
        for (String field : new TreeSet<>(rule.keyedFields())) {
            Object value =
                    value(child(at, field), base == null ? null : base.get(field), ours.get(field), theirs.get(field));
            if (value != null) {
                merged.put(field, value);
            }
        }
        return merged;
    }

    /** Entries by identity; empty when an entry has no identity or two share one, so the list is one value. */
    private static Optional<SortedMap<String, Map<String, Object>>> index(List<?> entries, String field) {
        SortedMap<String, Map<String, Object>> byId = new TreeMap<>();
        for (Object entry : entries) {
            if (!(entry instanceof Map<?, ?> map)
                    || !(map.get(field) instanceof String id)
                    || byId.put(id, asMap(map)) != null) {
                return Optional.empty();
            }
        }
        return Optional.of(byId);
    }

    private Object conflict(String at, Object ours, Object theirs) {
        conflicts.add(new MergeConflict(path, at, ours == null || theirs == null ? DELETED : CHANGED));
        return ours;
    }

    /** The value when at most one side changed it, else {@link #BOTH_CHANGED}. */
    private static Object oneSided(Object base, Object ours, Object theirs) {
        if (Objects.equals(ours, theirs) || Objects.equals(base, theirs)) {
            return ours;
        }
        return Objects.equals(base, ours) ? theirs : BOTH_CHANGED;
    }

    private static Map<String, Object> without(Map<String, Object> entry, Set<String> fields) {
        if (entry == null) {
            return null;
        }
        Map<String, Object> rest = new HashMap<>(entry);
        rest.keySet().removeAll(fields);
        return rest;
    }

    /**
     * Whether every version is a {@code type} or absent: the writers leave empty mappings and lists out, so absent
     * means empty here (one side removing the last description while the other adds one is no conflict).
     */
    private static boolean each(Class<?> type, Object base, Object ours, Object theirs) {
        return (base == null || type.isInstance(base))
                && (ours == null || type.isInstance(ours))
                && (theirs == null || type.isInstance(theirs));
    }

    private static String child(String at, String key) {
        return at.isEmpty() ? key : at + "." + key;
    }

    private static List<?> asList(Object value) {
        return value == null ? List.of() : (List<?>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }
}
