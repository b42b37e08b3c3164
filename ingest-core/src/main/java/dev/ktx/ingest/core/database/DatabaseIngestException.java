package dev.ktx.ingest.core.database;

/**
 * A database target could not be scanned (connection, authentication or catalog read). The message names the
 * connection id and never a password.
 */
public class DatabaseIngestException extends RuntimeException {

    public DatabaseIngestException(String message) {
        super(message);
    }
}
