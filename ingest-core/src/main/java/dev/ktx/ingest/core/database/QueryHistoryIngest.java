package dev.ktx.ingest.core.database;

import dev.ktx.ingest.core.config.QueryHistorySettings;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code query-history} step: reads {@code pg_stat_statements} of the current database and turns it into table
 * usage ({@link UsageAggregator}). Statements run fewer than {@code minExecutions} times (summed over users) are
 * ignored. A missing or unreadable extension skips the step instead of failing the target.
 */
public final class QueryHistoryIngest {

    public static final String NOT_INSTALLED = "pg_stat_statements is not installed";
    public static final String DISABLED = "query history is disabled";
    /** object_not_in_prerequisite_state (not in shared_preload_libraries), insufficient_privilege. */
    private static final Set<String> UNREADABLE_STATES = Set.of("55000", "42501");

    private static final String EXTENSION_SCHEMA = """
            SELECT quote_ident(n.nspname) FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
            WHERE e.extname = 'pg_stat_statements'
            """;
    private static final String STATEMENTS = """
            SELECT query, sum(calls)::bigint FROM %s.pg_stat_statements
            WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query IS NOT NULL
            GROUP BY query HAVING sum(calls) >= ? ORDER BY query
            """;

    private QueryHistoryIngest() {
    }

    public static QueryHistoryOutcome read(Connection jdbc, DatabaseCatalog catalog, QueryHistorySettings settings) {
        if (!settings.enabled()) {
            return QueryHistoryOutcome.skipped(DISABLED);
        }
        Optional<String> schema;
        try {
            schema = extensionSchema(jdbc);
        } catch (SQLException e) {
            return outcome(e);
        }
        return schema.map(quotedSchema -> readFrom(jdbc, quotedSchema, catalog, settings.minExecutions()))
                .orElseGet(() -> QueryHistoryOutcome.skipped(NOT_INSTALLED));
    }

    /** Reads {@code <quotedSchema>.pg_stat_statements}; tests point it at a stand-in table. */
    static QueryHistoryOutcome readFrom(Connection jdbc, String quotedSchema, DatabaseCatalog catalog, int minExecutions) {
        try {
            List<ExecutedStatement> statements = statements(jdbc, quotedSchema, minExecutions);
            return QueryHistoryOutcome.done(new UsageAggregator(catalog, searchPath(jdbc)).aggregate(statements));
        } catch (SQLException e) {
            return outcome(e);
        }
    }

    private static QueryHistoryOutcome outcome(SQLException e) {
        return UNREADABLE_STATES.contains(e.getSQLState())
                ? QueryHistoryOutcome.skipped("pg_stat_statements is not readable: " + e.getMessage())
                : QueryHistoryOutcome.failed("cannot read pg_stat_statements: " + e.getMessage());
    }

    private static Optional<String> extensionSchema(Connection jdbc) throws SQLException {
        try (PreparedStatement statement = jdbc.prepareStatement(EXTENSION_SCHEMA);
             ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
        }
    }

    private static List<ExecutedStatement> statements(Connection jdbc, String quotedSchema, int minExecutions)
            throws SQLException {
        List<ExecutedStatement> statements = new ArrayList<>();
        try (PreparedStatement statement = jdbc.prepareStatement(STATEMENTS.formatted(quotedSchema))) {
            statement.setLong(1, minExecutions);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    statements.add(new ExecutedStatement(rows.getString(1), rows.getLong(2)));
                }
            }
        }
        return statements;
    }

    private static List<String> searchPath(Connection jdbc) throws SQLException {
        try (PreparedStatement statement = jdbc.prepareStatement("SELECT current_schemas(false)");
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return Jdbc.strings(rows.getArray(1));
        }
    }
}
