package dev.ktx.ingest.core.repo;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A named filter: the SQL condition {@code sql}, and the {@code columns} it reads (declared, because SQL is not
 * parsed here; they are checked against the source's columns).
 */
public record Segment(String name, String sql, List<String> columns, SortedMap<String, String> descriptions) {

    public Segment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sql, "sql");
        columns = List.copyOf(columns);
        descriptions = Collections.unmodifiableSortedMap(new TreeMap<>(descriptions));
    }

    static Segment read(YamlObject yaml) {
        yaml.allowOnly(Set.of("name", "sql", "columns", "descriptions"));
        return new Segment(
                yaml.requiredString("name"),
                yaml.requiredString("sql"),
                yaml.strings("columns"),
                yaml.stringMap("descriptions"));
    }

    Object toYaml() {
        return new YamlTree()
                .put("name", name)
                .put("sql", sql)
                .putOptional("columns", columns)
                .putOptional("descriptions", descriptions)
                .build();
    }
}
