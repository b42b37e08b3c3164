package dev.ktx.ingest.core.repo;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A column declared in an SL file: a column of a standalone source, or a computed column of an overlay (then
 * {@code sql} is its expression over the manifest columns). {@code type} and {@code sql} are {@code null} when absent.
 */
public record SlColumn(String name, String type, String sql, SortedMap<String, String> descriptions) {

    public SlColumn {
        Objects.requireNonNull(name, "name");
        descriptions = Collections.unmodifiableSortedMap(new TreeMap<>(descriptions));
    }

    static SlColumn read(YamlObject yaml) {
        yaml.allowOnly(Set.of("name", "type", "sql", "descriptions"));
        return new SlColumn(
                yaml.requiredString("name"),
                yaml.string("type").orElse(null),
                yaml.string("sql").orElse(null),
                yaml.stringMap("descriptions"));
    }

    Object toYaml() {
        return new YamlTree()
                .put("name", name)
                .putOptional("type", type)
                .putOptional("sql", sql)
                .putOptional("descriptions", descriptions)
                .build();
    }
}
