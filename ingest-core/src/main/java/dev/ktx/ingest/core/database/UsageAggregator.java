package dev.ktx.ingest.core.database;

import dev.ktx.ingest.core.repo.TableUsage;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Turns executed statements into {@link TableUsage} per catalog table: a table's {@code executions} is the sum of the
 * executions of the statements that read it ({@link StatementReferences}), and a column's count is the part of those
 * whose text names the column. An unqualified table name resolves through {@code searchPath} like PostgreSQL would
 * for the ingest user (other users' search paths are unknown). Names that are not catalog tables are ignored.
 */
final class UsageAggregator {

    private final List<String> searchPath;
    private final Map<String, CatalogTable> byQualifiedName = new HashMap<>();

    UsageAggregator(DatabaseCatalog catalog, List<String> searchPath) {
        this.searchPath = List.copyOf(searchPath);
        catalog.tables().forEach(table -> byQualifiedName.put(table.qualifiedName(), table));
    }

    /** @return usage by {@link CatalogTable#qualifiedName()}, only for tables some statement read */
    Map<String, TableUsage> aggregate(List<ExecutedStatement> statements) {
        Map<String, Long> executions = new HashMap<>();
        Map<String, SortedMap<String, Long>> columns = new HashMap<>();
        for (ExecutedStatement statement : statements) {
            StatementReferences references = StatementReferences.of(statement.query());
            for (CatalogTable table : tablesRead(references)) {
                executions.merge(table.qualifiedName(), statement.executions(), Long::sum);
                SortedMap<String, Long> counts = columns.computeIfAbsent(table.qualifiedName(), name -> new TreeMap<>());
                table.columns().stream().map(CatalogColumn::name).filter(references.identifiers()::contains)
                        .forEach(column -> counts.merge(column, statement.executions(), Long::sum));
            }
        }
        Map<String, TableUsage> usage = new HashMap<>();
        executions.forEach((table, count) -> usage.put(table, new TableUsage(count, columns.get(table))));
        return usage;
    }

    /** Each table once, even when a statement reads it twice (a self-join still ran once). */
    private Set<CatalogTable> tablesRead(StatementReferences references) {
        Set<CatalogTable> tables = new LinkedHashSet<>();
        references.tables().forEach(parts -> resolve(parts).ifPresent(tables::add));
        return tables;
    }

    private Optional<CatalogTable> resolve(List<String> parts) {
        if (parts.size() >= 2) {
            // [db.]schema.table: the database part, if any, can only be the current database
            return Optional.ofNullable(byQualifiedName.get(parts.get(parts.size() - 2) + "." + parts.get(parts.size() - 1)));
        }
        return searchPath.stream().map(schema -> byQualifiedName.get(schema + "." + parts.get(0)))
                .filter(Objects::nonNull).findFirst();
    }
}
