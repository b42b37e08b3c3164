package dev.ktx.ingest.core.database;

import dev.ktx.ingest.core.repo.TableUsage;
import java.util.List;
import java.util.Map;

/**
 * What a read of query history found: the usage by {@link CatalogTable#qualifiedName()} (only tables some pattern
 * read) and the patterns, sorted by SQL.
 */
public record QueryHistory(Map<String, TableUsage> usage, List<QueryPattern> patterns) {

    public QueryHistory {
        usage = Map.copyOf(usage);
        patterns = List.copyOf(patterns);
    }
}
