package dev.ktx.ingest.connectors.postgres;

import dev.ktx.ingest.core.config.QueryHistorySettings;
import dev.ktx.ingest.core.database.DatabaseCatalog;
import dev.ktx.ingest.core.database.ExecutedStatement;
import dev.ktx.ingest.core.database.HistoryAggregator;
import dev.ktx.ingest.core.database.QueryHistoryOutcome;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code query-history} step: reads the {@code pg_stat_statements} view for the current database — top-level
 * statements only (where the view has {@code toplevel}: a statement run inside a function is the function's detail),
 * grouped by {@code queryid} and summed over roles, those run at least {@code minExecutions} times — and turns it into
 * query patterns and table usage ({@link HistoryAggregator}).
 * <p>
 * Before reading, it checks what the view needs and fails the step with one message naming everything missing and
 * what to run: the library preloaded, the extension created in this database, and {@code pg_read_all_stats} (without
 * it the view hides other roles' statements instead of failing, which would make a partial answer look complete).
 */
public final class QueryHistoryIngest {

    public static final String DISABLED = "query history is disabled";

    /**
     * The library defines its settings only when preloaded, so {@code pg_stat_statements.max} tells whether it is
     * without superuser rights ({@code shared_preload_libraries} itself is readable by superusers only).
     */
    private static final String PREREQUISITES = """
            SELECT current_setting('pg_stat_statements.max', true) IS NOT NULL,
                   (SELECT quote_ident(n.nspname) FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
                    WHERE e.extname = 'pg_stat_statements'),
                   EXISTS (SELECT 1 FROM pg_extension e
                           JOIN pg_class c ON c.relnamespace = e.extnamespace AND c.relname = 'pg_stat_statements'
                           JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'toplevel'
                           WHERE e.extname = 'pg_stat_statements'),
                   pg_has_role('pg_read_all_stats', 'USAGE'),
                   quote_ident(current_user), quote_ident(current_database())
            """;

    private static final String STATEMENTS = """
            SELECT queryid, (array_agg(query ORDER BY calls DESC, query))[1], sum(calls)::bigint
            FROM %s.pg_stat_statements
            WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND queryid IS NOT NULL AND query IS NOT NULL%s
            GROUP BY queryid HAVING sum(calls) >= ? ORDER BY queryid
            """;

    private QueryHistoryIngest() {}

    public static QueryHistoryOutcome read(Connection jdbc, DatabaseCatalog catalog, QueryHistorySettings settings) {
        if (!settings.enabled()) {
            return QueryHistoryOutcome.skipped(DISABLED);
        }
        try {
            Prerequisites found = prerequisites(jdbc);
            Optional<String> remediation = found.remediation();
            if (remediation.isPresent()) {
                return QueryHistoryOutcome.failed(remediation.get());
            }
            List<ExecutedStatement> statements = statements(jdbc, found, settings.minExecutions());
            return QueryHistoryOutcome.done(new HistoryAggregator(catalog, searchPath(jdbc)).aggregate(statements));
        } catch (SQLException e) {
            return QueryHistoryOutcome.failed("cannot read pg_stat_statements: " + e.getMessage());
        }
    }

    /** @param schema the extension's schema, quoted; empty when the extension is not created in this database */
    private record Prerequisites(
            boolean preloaded,
            Optional<String> schema,
            boolean hasToplevel,
            boolean privileged,
            String user,
            String database) {

        Optional<String> remediation() {
            List<String> missing = new ArrayList<>();
            if (!preloaded) {
                missing.add("the library is not loaded (add shared_preload_libraries = 'pg_stat_statements' "
                        + "to postgresql.conf and restart PostgreSQL)");
            }
            if (schema.isEmpty()) {
                missing.add("the extension is not created in database " + database
                        + " (run CREATE EXTENSION pg_stat_statements; there as a superuser)");
            }
            if (!privileged) {
                missing.add("role " + user + " cannot see other roles' statements (run GRANT pg_read_all_stats TO "
                        + user + ";)");
            }
            return missing.isEmpty()
                    ? Optional.empty()
                    : Optional.of("query history needs pg_stat_statements: " + String.join("; ", missing));
        }
    }

    private static Prerequisites prerequisites(Connection jdbc) throws SQLException {
        try (PreparedStatement statement = jdbc.prepareStatement(PREREQUISITES);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return new Prerequisites(
                    rows.getBoolean(1),
                    Optional.ofNullable(rows.getString(2)),
                    rows.getBoolean(3),
                    rows.getBoolean(4),
                    rows.getString(5),
                    rows.getString(6));
        }
    }

    private static List<ExecutedStatement> statements(Connection jdbc, Prerequisites found, int minExecutions)
            throws SQLException {
        String sql = STATEMENTS.formatted(found.schema().orElseThrow(), found.hasToplevel() ? " AND toplevel" : "");
        List<ExecutedStatement> statements = new ArrayList<>();
        try (PreparedStatement statement = jdbc.prepareStatement(sql)) {
            statement.setLong(1, minExecutions);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    statements.add(new ExecutedStatement(rows.getLong(1), rows.getString(2), rows.getLong(3)));
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
