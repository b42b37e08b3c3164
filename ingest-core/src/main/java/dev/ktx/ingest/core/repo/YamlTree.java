package dev.ktx.ingest.core.repo;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the insertion-ordered maps {@link Yamls#dump} writes, leaving out absent and empty optional values. */
final class YamlTree {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    YamlTree put(String key, Object value) {
        fields.put(key, value);
        return this;
    }

    /** Omits {@code null}, empty strings, empty collections and empty maps. */
    YamlTree putOptional(String key, Object value) {
        boolean empty = value == null
                || value instanceof String text && text.isEmpty()
                || value instanceof Collection<?> items && items.isEmpty()
                || value instanceof Map<?, ?> map && map.isEmpty();
        if (!empty) {
            fields.put(key, value);
        }
        return this;
    }

    Map<String, Object> build() {
        return fields;
    }
}
