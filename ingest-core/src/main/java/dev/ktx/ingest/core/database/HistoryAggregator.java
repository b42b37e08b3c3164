package dev.ktx.ingest.core.database;

import dev.ktx.ingest.core.repo.TableUsage;
import dev.ktx.ingest.core.sql.SqlQuery;
import dev.ktx.ingest.core.sql.TableName;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns executed statements into query patterns and table usage. A statement counts when it is a query that reads at
 * least one catalog table ({@link SqlQuery}; writes, utility statements and texts JSqlParser cannot read are left
 * out). Statements whose texts normalize alike form one {@link QueryPattern}. A table's {@code executions} is the sum
 * of the executions of the statements that read it, and a column's count is the part of those whose text names the
 * column. An unqualified table name resolves through {@code searchPath} like PostgreSQL would for the ingest user
 * (other users' search paths are unknown); names that are not catalog tables (CTEs are never tables) are ignored.
 */
public final class HistoryAggregator {

    private final List<String> searchPath;
    private final Map<String, CatalogTable> byQualifiedName = new HashMap<>();

    public HistoryAggregator(DatabaseCatalog catalog, List<String> searchPath) {
        this.searchPath = List.copyOf(searchPath);
        catalog.tables().forEach(table -> byQualifiedName.put(table.qualifiedName(), table));
    }

    public QueryHistory aggregate(List<ExecutedStatement> statements) {
        Map<String, Long> executions = new HashMap<>();
        Map<String, SortedMap<String, Long>> columns = new HashMap<>();
        SortedMap<String, PatternBuilder> patterns = new TreeMap<>();
        for (ExecutedStatement statement : statements) {
            StatementText text = StatementText.of(statement.query());
            SortedSet<CatalogTable> tables = tablesRead(text);
            if (tables.isEmpty()) {
                continue;
            }
            patterns.computeIfAbsent(text.normalized(), sql -> new PatternBuilder(tables))
                    .add(statement);
            for (CatalogTable table : tables) {
                executions.merge(table.qualifiedName(), statement.executions(), Long::sum);
                SortedMap<String, Long> counts =
                        columns.computeIfAbsent(table.qualifiedName(), name -> new TreeMap<>());
                table.columns().stream()
                        .map(CatalogColumn::name)
                        .filter(text.identifiers()::contains)
                        .forEach(column -> counts.merge(column, statement.executions(), Long::sum));
            }
        }
        Map<String, TableUsage> usage = new HashMap<>();
        executions.forEach((table, count) -> usage.put(table, new TableUsage(count, columns.get(table))));
        List<QueryPattern> built = new ArrayList<>();
        patterns.forEach((sql, pattern) -> built.add(pattern.build(sql)));
        return new QueryHistory(usage, built);
    }

    /** The catalog tables a query reads, each once (a self-join still ran once); empty when it is no query. */
    private SortedSet<CatalogTable> tablesRead(StatementText text) {
        SortedSet<CatalogTable> tables = new TreeSet<>(Comparator.comparing(CatalogTable::qualifiedName));
        try {
            SqlQuery.parse(text.parseable())
                    .tables()
                    .forEach(name -> resolve(name).ifPresent(tables::add));
        } catch (SqlQuery.NotAQuery e) {
            // not a read, or not readable: it says nothing about how tables are queried
        }
        return tables;
    }

    private Optional<CatalogTable> resolve(TableName name) {
        if (name.schema() != null) {
            return Optional.ofNullable(byQualifiedName.get(name.schema() + "." + name.name()));
        }
        return searchPath.stream()
                .map(schema -> byQualifiedName.get(schema + "." + name.name()))
                .filter(Objects::nonNull)
                .findFirst();
    }

    private static final class PatternBuilder {
        private final List<String> tables;
        private final SortedSet<Long> queryIds = new TreeSet<>();
        private long executions;

        PatternBuilder(SortedSet<CatalogTable> tables) {
            this.tables = tables.stream().map(CatalogTable::qualifiedName).toList();
        }

        void add(ExecutedStatement statement) {
            queryIds.add(statement.queryId());
            executions += statement.executions();
        }

        QueryPattern build(String sql) {
            return new QueryPattern(sql, tables, executions, List.copyOf(queryIds));
        }
    }
}
