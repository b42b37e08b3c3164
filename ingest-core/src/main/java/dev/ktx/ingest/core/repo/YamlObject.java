package dev.ktx.ingest.core.repo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Typed, strict access to one loaded YAML mapping. Every error names the field path ({@code tables.orders.columns[2].name})
 * so a gate can report it on one line. A {@code null} value counts as absent.
 */
final class YamlObject {

    private final String where;
    private final Map<String, Object> fields;

    private YamlObject(String where, Map<String, Object> fields) {
        this.where = where;
        this.fields = fields;
    }

    static YamlObject root(Object document) {
        return of("", document, "document");
    }

    private static YamlObject of(String where, Object value, String name) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new ArtifactFormatException(name + " must be a mapping");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw new ArtifactFormatException(where + "keys must be strings, got " + entry.getKey());
            }
            fields.put(key, entry.getValue());
        }
        return new YamlObject(where, fields);
    }

    void allowOnly(Set<String> known) {
        fields.keySet().stream()
                .filter(key -> !known.contains(key))
                .sorted()
                .findFirst()
                .ifPresent(key -> {
                    throw new ArtifactFormatException("unknown field " + where + key);
                });
    }

    Set<String> names() {
        return fields.keySet();
    }

    Optional<String> string(String key) {
        Object value = fields.get(key);
        if (value != null && !(value instanceof String)) {
            throw new ArtifactFormatException(where + key + " must be a string");
        }
        return Optional.ofNullable((String) value);
    }

    String requiredString(String key) {
        return string(key)
                .filter(value -> !value.isBlank())
                .orElseThrow(() -> new ArtifactFormatException(where + key + " is required"));
    }

    boolean bool(String key, boolean whenAbsent) {
        Object value = fields.get(key);
        if (value != null && !(value instanceof Boolean)) {
            throw new ArtifactFormatException(where + key + " must be true or false");
        }
        return value == null ? whenAbsent : (Boolean) value;
    }

    long requiredLong(String key) {
        Object value = fields.get(key);
        if (!(value instanceof Integer || value instanceof Long)) {
            throw new ArtifactFormatException(where + key + " must be an integer");
        }
        return ((Number) value).longValue();
    }

    List<String> strings(String key) {
        List<String> result = new ArrayList<>();
        List<?> items = list(key);
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof String item)) {
                throw new ArtifactFormatException(where + key + "[" + i + "] must be a string");
            }
            result.add(item);
        }
        return result;
    }

    Optional<YamlObject> object(String key) {
        Object value = fields.get(key);
        return value == null ? Optional.empty() : Optional.of(of(where + key + ".", value, where + key));
    }

    List<YamlObject> objects(String key) {
        List<YamlObject> result = new ArrayList<>();
        List<?> items = list(key);
        for (int i = 0; i < items.size(); i++) {
            String at = where + key + "[" + i + "]";
            result.add(of(at + ".", items.get(i), at));
        }
        return result;
    }

    /** A mapping whose keys are names and whose values are mappings, e.g. {@code tables} or {@code column_overrides}. */
    SortedMap<String, YamlObject> objectsByName(String key) {
        SortedMap<String, YamlObject> result = new TreeMap<>();
        object(key)
                .ifPresent(named -> named.fields.forEach((name, value) -> {
                    String at = where + key + "." + name;
                    result.put(name, of(at + ".", value, at));
                }));
        return result;
    }

    SortedMap<String, String> stringMap(String key) {
        SortedMap<String, String> result = new TreeMap<>();
        object(key).ifPresent(map -> map.fields.keySet().forEach(name -> result.put(name, map.requiredString(name))));
        return result;
    }

    private List<?> list(String key) {
        Object value = fields.get(key);
        if (value == null) {
            return Collections.emptyList();
        }
        if (!(value instanceof List<?> items)) {
            throw new ArtifactFormatException(where + key + " must be a list");
        }
        return items;
    }
}
