package dev.ktx.ingest.core.database;

import dev.ktx.ingest.core.config.ConnectionConfig;
import dev.ktx.ingest.core.config.SecretResolver;

/**
 * What {@link DatabaseIngest} needs of a driver: opening sessions. A driver's
 * {@link dev.ktx.ingest.core.connector.DatabaseConnector} is one; declared here so that the database targets do not
 * depend on how connectors are found (docs/contributing.md, "Layering").
 */
public interface DatabaseSessions {

    /**
     * Opens a read-only session on the connection's database, resolving its secrets through {@code secrets}.
     *
     * @throws DatabaseIngestException naming the connection and never a secret; a
     *         {@link dev.ktx.ingest.core.retry.TransientFailure} when the database cannot be reached (the job runs again)
     */
    DatabaseSession open(ConnectionConfig connection, SecretResolver secrets);
}
