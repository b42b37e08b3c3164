package dev.ktx.ingest.core.connector;

import dev.ktx.ingest.core.config.Driver;
import dev.ktx.ingest.core.database.DatabaseSessions;

/**
 * A database driver's entry point, found on a database worker's class path with {@link java.util.ServiceLoader}: a
 * connector module registers its implementation in
 * {@code META-INF/services/dev.ktx.ingest.core.connector.DatabaseConnector} (docs/connectors.md, "Adding a connector").
 */
public interface DatabaseConnector extends DatabaseSessions {

    /** The driver whose connections this connector serves. */
    Driver driver();
}
