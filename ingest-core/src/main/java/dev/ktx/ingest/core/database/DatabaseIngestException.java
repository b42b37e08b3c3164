package dev.ktx.ingest.core.database;

import dev.ktx.ingest.core.retry.TransientFailure;

/**
 * A database target could not be scanned (connection, authentication or catalog read). The message names the
 * connection id and never a password.
 */
public class DatabaseIngestException extends RuntimeException {

    private DatabaseIngestException(String message) {
        super(message);
    }

    /** The database could not be reached (SQLState class {@code 08}): another attempt may succeed. */
    private static final class Unreachable extends DatabaseIngestException implements TransientFailure {
        Unreachable(String message) {
            super(message);
        }
    }

    /** {@code postgres connection <id>: <reason>}; the reason must not contain secrets. */
    public static DatabaseIngestException of(String connectionId, String reason) {
        return new DatabaseIngestException("postgres connection " + connectionId + ": " + reason);
    }

    /** Like {@link #of}, transient when {@code sqlState} is a connection exception (class {@code 08}). */
    public static DatabaseIngestException of(String connectionId, String reason, String sqlState) {
        String message = "postgres connection " + connectionId + ": " + reason;
        return sqlState != null && sqlState.startsWith("08")
                ? new Unreachable(message)
                : new DatabaseIngestException(message);
    }
}
