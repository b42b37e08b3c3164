package dev.ktx.ingest.core.database;

/**
 * A read-only session on one database target, opened by its driver ({@link DatabaseSessions}): the two steps of the
 * target, which {@link DatabaseIngest} turns into the session's changes.
 */
public interface DatabaseSession extends AutoCloseable {

    /**
     * The {@code database-schema} step: the tables and views in the connection's scope.
     *
     * @throws DatabaseIngestException naming the connection when the catalog cannot be read
     */
    DatabaseCatalog catalog();

    /** The {@code query-history} step; disabled, skipped or failed is an outcome, not an exception. */
    QueryHistoryOutcome queryHistory(DatabaseCatalog catalog);

    /** Never fails: by then the target already has its result or a more useful error. */
    @Override
    void close();
}
