package dev.ktx.ingest.core.database;

/**
 * A database target could not be scanned (connection, authentication or catalog read). The message names the
 * connection id and never a password.
 */
public class DatabaseIngestException extends RuntimeException {

    private DatabaseIngestException(String message) {
        super(message);
    }

    /** {@code postgres connection <id>: <reason>}; the reason must not contain secrets. */
    static DatabaseIngestException of(String connectionId, String reason) {
        return new DatabaseIngestException("postgres connection " + connectionId + ": " + reason);
    }
}
