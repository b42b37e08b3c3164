package dev.ktx.ingest.core.connector;

import dev.ktx.ingest.core.config.ConnectionConfig;
import dev.ktx.ingest.core.config.Driver;
import dev.ktx.ingest.core.config.SecretResolver;
import dev.ktx.ingest.core.database.DatabaseIngestException;
import dev.ktx.ingest.core.database.DatabaseSession;

/**
 * A database driver's entry point, found on a database worker's class path with {@link java.util.ServiceLoader}: a
 * connector module registers its implementation in
 * {@code META-INF/services/dev.ktx.ingest.core.connector.DatabaseConnector} (docs/connectors.md, "Adding a connector").
 */
public interface DatabaseConnector {

    /** The driver whose connections this connector serves. */
    Driver driver();

    /**
     * Opens a read-only session on the connection's database, resolving its secrets through {@code secrets}.
     *
     * @throws DatabaseIngestException naming the connection and never a secret; a
     *         {@link dev.ktx.ingest.core.retry.TransientFailure} when the database cannot be reached (the job runs again)
     */
    DatabaseSession open(ConnectionConfig connection, SecretResolver secrets);
}
