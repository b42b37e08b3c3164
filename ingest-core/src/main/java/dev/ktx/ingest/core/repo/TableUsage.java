package dev.ktx.ingest.core.repo;

import java.util.Collections;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How a table is used, from query history: {@code executions} is the number of executed queries that read it, and
 * {@code columns} maps a column name to the number of those executions that referenced it. YAML:
 * {@code usage: {executions: 120, columns: {id: 120, status: 45}}}.
 */
public record TableUsage(long executions, SortedMap<String, Long> columns) {

    public TableUsage {
        columns = Collections.unmodifiableSortedMap(new TreeMap<>(columns));
    }

    static TableUsage read(YamlObject yaml) {
        yaml.allowOnly(Set.of("executions", "columns"));
        SortedMap<String, Long> columns = new TreeMap<>();
        yaml.object("columns")
                .ifPresent(counts -> counts.names().forEach(name -> columns.put(name, counts.requiredLong(name))));
        return new TableUsage(yaml.requiredLong("executions"), columns);
    }

    Object toYaml() {
        return new YamlTree()
                .put("executions", executions)
                .putOptional("columns", columns)
                .build();
    }
}
