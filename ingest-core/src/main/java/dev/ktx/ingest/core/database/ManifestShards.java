package dev.ktx.ingest.core.database;

import dev.ktx.ingest.core.repo.Join;
import dev.ktx.ingest.core.repo.ManifestColumn;
import dev.ktx.ingest.core.repo.ManifestEntry;
import dev.ktx.ingest.core.repo.ManifestShard;
import dev.ktx.ingest.core.repo.RepoPath;
import dev.ktx.ingest.core.repo.RepoPaths;
import dev.ktx.ingest.core.repo.RepoTree;
import dev.ktx.ingest.core.repo.TableUsage;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Maps a {@link DatabaseCatalog} to manifest shards, one per schema ({@code _schema/<schema>.yaml}); a table's source
 * name is its table name. Row estimates are left out on purpose: they change with every {@code ANALYZE} and would
 * make an unchanged schema look changed (they are kept in the raw {@code catalog.json}).
 */
public final class ManifestShards {

    /** Where a join was learned: docs/context-repository.md {@code joins[].source}. */
    static final String FOREIGN_KEY = "foreign_key";
    /** The {@code descriptions} origin of catalog comments. */
    static final String DB_ORIGIN = "db";

    private ManifestShards() {}

    /**
     * @param usage query-history usage by {@link CatalogTable#qualifiedName()}; tables without an entry get none
     * @return shards by schema name
     */
    public static SortedMap<String, ManifestShard> of(DatabaseCatalog catalog, Map<String, TableUsage> usage) {
        Set<String> scanned =
                catalog.tables().stream().map(CatalogTable::qualifiedName).collect(Collectors.toSet());
        Map<String, SortedMap<String, ManifestEntry>> bySchema = new TreeMap<>();
        for (CatalogTable table : catalog.tables()) {
            bySchema.computeIfAbsent(table.schema(), schema -> new TreeMap<>())
                    .put(table.name(), entry(catalog.database(), table, scanned, usage.get(table.qualifiedName())));
        }
        SortedMap<String, ManifestShard> shards = new TreeMap<>();
        bySchema.forEach((schema, entries) -> shards.put(schema, new ManifestShard(entries)));
        return shards;
    }

    /** The connection's manifest shard files in {@code tree}: path → text, sorted by path. */
    static SortedMap<String, String> shardFiles(RepoTree tree, String connectionId) {
        SortedMap<String, String> files = new TreeMap<>();
        for (String path : tree.listFiles(RepoPaths.manifestDir(connectionId))) {
            if (RepoPaths.classify(path)
                    .filter(RepoPath.ManifestShardPath.class::isInstance)
                    .isPresent()) {
                tree.readText(path).ifPresent(text -> files.put(path, text));
            }
        }
        return files;
    }

    private static ManifestEntry entry(String database, CatalogTable table, Set<String> scanned, TableUsage usage) {
        List<ManifestColumn> columns = table.columns().stream()
                .map(column -> new ManifestColumn(
                        column.name(),
                        column.type(),
                        column.primaryKey(),
                        column.nullable(),
                        descriptions(column.comment())))
                .toList();
        // A join must name a source of this connection, so keys to tables outside the scan are left out.
        List<Join> joins = table.foreignKeys().stream()
                .filter(key -> scanned.contains(key.referencedQualifiedName()))
                .map(key -> join(table.name(), key))
                .sorted(Comparator.comparing(Join::to).thenComparing(Join::on))
                .toList();
        return new ManifestEntry(
                database + "." + table.qualifiedName(), descriptions(table.comment()), columns, joins, usage);
    }

    private static Join join(String tableName, ForeignKey key) {
        String on = IntStream.range(0, key.columns().size())
                .mapToObj(i -> tableName + "." + key.columns().get(i) + " = " + key.referencedTable() + "."
                        + key.referencedColumns().get(i))
                .collect(Collectors.joining(" AND "));
        return new Join(key.referencedTable(), on, Join.Relationship.MANY_TO_ONE, FOREIGN_KEY);
    }

    private static SortedMap<String, String> descriptions(String comment) {
        SortedMap<String, String> descriptions = new TreeMap<>();
        if (comment != null && !comment.isBlank()) {
            descriptions.put(DB_ORIGIN, comment);
        }
        return descriptions;
    }
}
