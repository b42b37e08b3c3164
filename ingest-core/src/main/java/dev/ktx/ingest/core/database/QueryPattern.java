package dev.ktx.ingest.core.database;

import java.util.List;
import java.util.Objects;

/**
 * A query pattern of query history: the statements whose texts normalize to {@code sql} ({@link StatementText}),
 * usually one {@code queryid}.
 *
 * @param tables     the catalog tables it reads, as sorted {@code schema.table} names; never empty
 * @param executions summed over its statements
 * @param queryIds   sorted
 */
public record QueryPattern(String sql, List<String> tables, long executions, List<Long> queryIds) {

    public QueryPattern {
        Objects.requireNonNull(sql, "sql");
        tables = List.copyOf(tables);
        queryIds = List.copyOf(queryIds);
    }
}
