package dev.ktx.ingest.connectors.postgres;

import dev.ktx.ingest.core.config.PostgresConnection;
import dev.ktx.ingest.core.database.DatabaseCatalog;
import dev.ktx.ingest.core.database.DatabaseIngestException;
import dev.ktx.ingest.core.database.DatabaseSession;
import dev.ktx.ingest.core.database.QueryHistoryOutcome;
import java.sql.Connection;
import java.sql.SQLException;

/** One read-only JDBC connection: the catalog from {@code pg_catalog}, query history from {@code pg_stat_statements}. */
final class PostgresSession implements DatabaseSession {

    private final Connection jdbc;
    private final PostgresConnection connection;

    PostgresSession(Connection jdbc, PostgresConnection connection) {
        this.jdbc = jdbc;
        this.connection = connection;
    }

    @Override
    public DatabaseCatalog catalog() {
        try {
            return PostgresIntrospector.introspect(jdbc, connection);
        } catch (SQLException e) {
            throw DatabaseIngestException.of(connection.id(), "cannot read the catalog: " + e.getMessage());
        }
    }

    @Override
    public QueryHistoryOutcome queryHistory(DatabaseCatalog catalog) {
        return QueryHistoryIngest.read(jdbc, catalog, connection.queryHistory());
    }

    @Override
    public void close() {
        Jdbc.closeQuietly(jdbc);
    }
}
