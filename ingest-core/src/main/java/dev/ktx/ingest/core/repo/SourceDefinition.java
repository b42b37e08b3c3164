package dev.ktx.ingest.core.repo;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Everything that defines one SL source name in one connection: its SL file (overlay or standalone) and the
 * manifest entry of the same name; at least one is present.
 */
public record SourceDefinition(Optional<SlSource> file, Optional<ManifestEntry> manifestEntry) {

    public SourceDefinition {
        if (file.isEmpty() && manifestEntry.isEmpty()) {
            throw new IllegalArgumentException("a source needs an SL file or a manifest entry");
        }
    }

    /**
     * A standalone source's columns; otherwise the manifest columns minus {@code exclude_columns}, plus the
     * overlay's computed columns.
     */
    public Set<String> columnNames() {
        Set<String> names = new LinkedHashSet<>();
        if (file.isEmpty() || !file.get().isStandalone()) {
            manifestEntry.ifPresent(entry -> names.addAll(entry.columnNames()));
        }
        file.ifPresent(source -> {
            source.excludeColumns().forEach(names::remove);
            source.columns().forEach(column -> names.add(column.name()));
        });
        return names;
    }

    /** What an {@code sl_refs} entity may name: a column, measure or segment. */
    public Set<String> entityNames() {
        Set<String> names = columnNames();
        file.ifPresent(source -> {
            source.measures().forEach(measure -> names.add(measure.name()));
            source.segments().forEach(segment -> names.add(segment.name()));
        });
        return names;
    }
}
