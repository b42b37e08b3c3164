package dev.ktx.ingest.core.database;

import dev.ktx.ingest.core.config.ConnectionConfig;
import dev.ktx.ingest.core.config.SecretResolver;
import dev.ktx.ingest.core.git.Changeset;
import dev.ktx.ingest.core.plan.Step;
import dev.ktx.ingest.core.plan.StepResult;
import dev.ktx.ingest.core.plan.StepStatus;
import dev.ktx.ingest.core.repo.RepoTree;
import dev.ktx.ingest.core.repo.SyncId;
import dev.ktx.ingest.core.repo.TableUsage;
import dev.ktx.ingest.core.retry.TransientFailures;
import java.util.Map;

/**
 * One database target: open a session with its connector, introspect ({@code database-schema}), read query history
 * ({@code query-history}) and compute the session's changes against its base tree. The usage in the shards and the
 * pattern pages are replaced only by a query history that was read ({@code done}); when it was disabled, skipped or
 * failed, the usage already in the base shards and the pattern pages are kept, since an absent answer is not an
 * authoritative "unused". A failed query history does not hold back the schema: its changes are still returned.
 */
public final class DatabaseIngest {

    private final DatabaseSessions sessions;
    private final SecretResolver secrets;

    public DatabaseIngest(DatabaseSessions sessions, SecretResolver secrets) {
        this.sessions = sessions;
        this.secrets = secrets;
    }

    /**
     * Expected failures (cannot connect, cannot read the catalog) are returned as a failed schema step whose detail
     * names the connection; the password never appears in it. A database that cannot be reached throws a transient
     * {@link DatabaseIngestException} instead, so that the job is tried again.
     */
    public DatabaseIngestResult run(ConnectionConfig connection, RepoTree base, SyncId syncId) {
        DatabaseSession session;
        try {
            session = sessions.open(connection, secrets);
        } catch (DatabaseIngestException e) {
            if (TransientFailures.isTransient(e)) {
                throw e; // the job runs again (docs/services.md, "Worker jobs")
            }
            return DatabaseIngestResult.schemaFailed(e.getMessage());
        }
        try (session) {
            DatabaseCatalog catalog = session.catalog();
            QueryHistoryOutcome history = session.queryHistory(catalog);
            CurrentManifest manifest = CurrentManifest.of(base, connection.id());
            Map<String, TableUsage> usage =
                    history.history().map(QueryHistory::usage).orElseGet(manifest::usage);
            Changeset.Builder changes = Changeset.builder()
                    .add(DatabaseSchemaIngest.changes(manifest, connection.id(), catalog, usage, syncId));
            history.history()
                    .ifPresent(read ->
                            changes.add(QueryPatternPages.changes(base, connection.id(), read.patterns(), syncId)));
            return new DatabaseIngestResult(
                    changes.build(), new StepResult(Step.DATABASE_SCHEMA, StepStatus.DONE, null), history.step());
        } catch (DatabaseIngestException e) {
            return DatabaseIngestResult.schemaFailed(e.getMessage());
        }
    }
}
