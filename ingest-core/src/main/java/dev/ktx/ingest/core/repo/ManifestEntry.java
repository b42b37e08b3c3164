package dev.ktx.ingest.core.repo;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One table of a manifest shard: a manifest-backed source. {@code table} is the qualified {@code db.schema.name};
 * {@code descriptions} maps an origin (e.g. {@code db} for the catalog comment, {@code dbt}) to its text;
 * {@code usage} is {@code null} when there is no query history for the table.
 */
public record ManifestEntry(
        String table,
        SortedMap<String, String> descriptions,
        List<ManifestColumn> columns,
        List<Join> joins,
        TableUsage usage) {

    public ManifestEntry {
        Objects.requireNonNull(table, "table");
        descriptions = Collections.unmodifiableSortedMap(new TreeMap<>(descriptions));
        columns = List.copyOf(columns);
        joins = List.copyOf(joins);
    }

    public Set<String> columnNames() {
        Set<String> names = new LinkedHashSet<>();
        columns.forEach(column -> names.add(column.name()));
        return names;
    }

    static ManifestEntry read(YamlObject yaml) {
        yaml.allowOnly(Set.of("table", "descriptions", "columns", "joins", "usage"));
        List<ManifestColumn> columns =
                yaml.objects("columns").stream().map(ManifestColumn::read).toList();
        Set<String> seen = new LinkedHashSet<>();
        columns.stream()
                .map(ManifestColumn::name)
                .filter(name -> !seen.add(name))
                .findFirst()
                .ifPresent(name -> {
                    throw new ArtifactFormatException("duplicate column " + name);
                });
        return new ManifestEntry(
                yaml.requiredString("table"),
                yaml.stringMap("descriptions"),
                columns,
                yaml.objects("joins").stream().map(Join::read).toList(),
                yaml.object("usage").map(TableUsage::read).orElse(null));
    }

    Object toYaml() {
        return new YamlTree()
                .put("table", table)
                .putOptional("descriptions", descriptions)
                .putOptional(
                        "columns", columns.stream().map(ManifestColumn::toYaml).toList())
                .putOptional("joins", joins.stream().map(Join::toYaml).toList())
                .putOptional("usage", usage == null ? null : usage.toYaml())
                .build();
    }
}
