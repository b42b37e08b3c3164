package dev.ktx.ingest.core.config;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A YAML mapping at a key path with typed accessors that report problems (and return empty) instead of throwing.
 * Keys that no accessor asked for are unknown fields, reported by {@link #rejectUnknownKeys()} for the whole tree.
 */
final class YamlMapping {

    private final String path;
    private final Map<String, Object> entries = new LinkedHashMap<>();
    private final Problems problems;
    private final Set<String> readKeys = new HashSet<>();
    private final List<YamlMapping> children = new ArrayList<>();
    private boolean unknownKeysIgnored;

    private YamlMapping(String path, Map<?, ?> map, Problems problems) {
        this.path = path;
        this.problems = problems;
        // keys such as 2 (a Metabase database id) arrive as numbers
        map.forEach((key, value) -> {
            if (entries.put(String.valueOf(key), value) != null) {
                problems.invalid(path(String.valueOf(key)), "duplicate key");
            }
        });
    }

    /** The top-level mapping of a document; its path is empty, so child paths start with their key. */
    static YamlMapping root(Map<?, ?> map, Problems problems) {
        return new YamlMapping("", map, problems);
    }

    String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** The keys in document order. Reading them does not count as knowing them. */
    List<String> keys() {
        return List.copyOf(entries.keySet());
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    Optional<String> string(String key) {
        return value(key, String.class, "expected a string").filter(s -> {
            if (s.isBlank()) {
                problems.invalid(path(key), "must not be empty");
                return false;
            }
            return true;
        });
    }

    Optional<String> requiredString(String key, String whyRequired) {
        if (!has(key)) {
            missing(key, whyRequired);
            return Optional.empty();
        }
        return string(key);
    }

    void missing(String key, String whyRequired) {
        readKeys.add(key);
        problems.missing(path(key), whyRequired);
    }

    /** Reports a key that is known but not allowed here (so it is not also reported as unknown). */
    void invalid(String key, String why) {
        readKeys.add(key);
        problems.invalid(path(key), why);
    }

    Optional<Boolean> bool(String key) {
        return value(key, Boolean.class, "expected true or false");
    }

    /** An integer in {@code [min, max]}; {@code max == Integer.MAX_VALUE} means no upper bound. */
    Optional<Integer> integer(String key, int min, int max) {
        Optional<Number> value = value(key, Number.class, "expected an integer");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!(value.get() instanceof Integer || value.get() instanceof Long || value.get() instanceof BigInteger)) {
            problems.invalid(path(key), "expected an integer");
            return Optional.empty();
        }
        BigInteger number = new BigInteger(value.get().toString());
        if (number.compareTo(BigInteger.valueOf(min)) < 0 || number.compareTo(BigInteger.valueOf(max)) > 0) {
            String range = max == Integer.MAX_VALUE ? "at least " + min : "between " + min + " and " + max;
            problems.invalid(path(key), "must be " + range + " (got " + number + ")");
            return Optional.empty();
        }
        return Optional.of(number.intValue());
    }

    /** A duration such as {@code 30s}, {@code 10m} or {@code 2h} ({@link Durations}) in {@code [min, max]}. */
    Optional<Duration> duration(String key, Duration min, Duration max) {
        String expected = "expected a duration such as 30s, 10m or 2h";
        Optional<Duration> value = value(key, String.class, expected).flatMap(text -> {
            try {
                return Optional.of(Durations.parse(text));
            } catch (IllegalArgumentException e) {
                problems.invalid(path(key), expected + " (got " + text + ")");
                return Optional.empty();
            }
        });
        if (value.isPresent() && (value.get().compareTo(min) < 0 || value.get().compareTo(max) > 0)) {
            problems.invalid(
                    path(key),
                    "must be between " + Durations.format(min) + " and " + Durations.format(max) + " (got "
                            + Durations.format(value.get()) + ")");
            return Optional.empty();
        }
        return value;
    }

    Optional<List<String>> stringList(String key) {
        return value(key, List.class, "expected a list of strings").flatMap(list -> {
            List<String> strings = new ArrayList<>();
            for (Object element : list) {
                if (!(element instanceof String s) || s.isBlank()) {
                    problems.invalid(path(key), "expected a list of strings");
                    return Optional.empty();
                }
                strings.add(s);
            }
            return Optional.of(List.copyOf(strings));
        });
    }

    /** Whether the key holds a string (a key that holds either a string or a list asks first). */
    boolean isString(String key) {
        return entries.get(key) instanceof String;
    }

    /** A list of mappings; each element's path is {@code key[index]}, counting from 0. */
    Optional<List<YamlMapping>> mappings(String key) {
        return value(key, List.class, "expected a list of mappings").flatMap(list -> {
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof Map<?, ?>)) {
                    problems.invalid(path(key) + "[" + i + "]", "expected a mapping");
                    return Optional.empty();
                }
            }
            List<YamlMapping> mappings = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                YamlMapping child = new YamlMapping(path(key) + "[" + i + "]", (Map<?, ?>) list.get(i), problems);
                children.add(child);
                mappings.add(child);
            }
            return Optional.of(List.copyOf(mappings));
        });
    }

    Optional<YamlMapping> mapping(String key) {
        return value(key, Map.class, "expected a mapping").map(map -> {
            YamlMapping child = new YamlMapping(path(key), map, problems);
            children.add(child);
            return child;
        });
    }

    /** For a mapping whose schema is unknown (an unsupported driver): its keys are not reported. */
    void ignoreUnknownKeys() {
        unknownKeysIgnored = true;
    }

    /** Reports every key of this mapping and its child mappings that no accessor asked for. */
    void rejectUnknownKeys() {
        if (unknownKeysIgnored) {
            return;
        }
        entries.keySet().stream()
                .filter(key -> !readKeys.contains(key))
                .forEach(key -> problems.unsupported(path(key), "unknown field"));
        children.forEach(YamlMapping::rejectUnknownKeys);
    }

    private <T> Optional<T> value(String key, Class<T> type, String expected) {
        readKeys.add(key);
        if (!has(key)) {
            return Optional.empty();
        }
        Object value = entries.get(key);
        if (!type.isInstance(value)) {
            problems.invalid(path(key), expected);
            return Optional.empty();
        }
        return Optional.of(type.cast(value));
    }
}
