package dev.ktx.ingest.core.database;

import java.util.Objects;

/**
 * One {@code queryid} of {@code pg_stat_statements}: a query text recorded for it and how many times it ran, summed
 * over roles.
 */
public record ExecutedStatement(long queryId, String query, long executions) {

    public ExecutedStatement {
        Objects.requireNonNull(query, "query");
    }
}
