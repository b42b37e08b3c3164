package dev.ktx.ingest.core.config;

import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A {@code driver: postgres} database connection.
 *
 * @param schemas       schemas to scan; empty = every non-system schema
 * @param enabledTables {@code schema.table} names to scan; empty = every table of the scanned schemas
 */
public record PostgresConnection(
        String id,
        PostgresUrlSetting url,
        List<String> schemas,
        List<String> enabledTables,
        QueryHistorySettings queryHistory)
        implements ConnectionConfig {

    public PostgresConnection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        schemas = List.copyOf(schemas);
        enabledTables = List.copyOf(enabledTables);
        Objects.requireNonNull(queryHistory, "queryHistory");
    }

    @Override
    public Driver driver() {
        return Driver.POSTGRES;
    }

    @Override
    public SortedSet<String> semanticLayerTargets() {
        return new TreeSet<>(List.of(id));
    }
}
