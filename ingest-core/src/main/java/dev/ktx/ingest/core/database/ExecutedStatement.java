package dev.ktx.ingest.core.database;

import java.util.Objects;

/** A normalized statement of {@code pg_stat_statements} and how many times it ran. */
public record ExecutedStatement(String query, long executions) {

    public ExecutedStatement {
        Objects.requireNonNull(query, "query");
    }
}
