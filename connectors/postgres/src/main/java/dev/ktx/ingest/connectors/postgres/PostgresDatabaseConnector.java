package dev.ktx.ingest.connectors.postgres;

import dev.ktx.ingest.core.config.ConnectionConfig;
import dev.ktx.ingest.core.config.Driver;
import dev.ktx.ingest.core.config.PostgresConnection;
import dev.ktx.ingest.core.config.SecretResolver;
import dev.ktx.ingest.core.connector.DatabaseConnector;
import dev.ktx.ingest.core.database.DatabaseSession;

/** The {@code postgres} driver, registered in {@code META-INF/services}: JDBC sessions with {@link PostgresConnector}. */
public final class PostgresDatabaseConnector implements DatabaseConnector {

    @Override
    public Driver driver() {
        return Driver.POSTGRES;
    }

    @Override
    public DatabaseSession open(ConnectionConfig connection, SecretResolver secrets) {
        PostgresConnection postgres = (PostgresConnection) connection;
        return new PostgresSession(new PostgresConnector(secrets).open(postgres), postgres);
    }
}
