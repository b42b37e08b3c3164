/**
 * Database targets: the {@code database-schema} and {@code query-history} steps, whatever the driver.
 * <p>
 * {@link dev.ktx.ingest.core.database.DatabaseIngest#run} opens a read-only
 * {@link dev.ktx.ingest.core.database.DatabaseSession} with the driver's
 * {@link dev.ktx.ingest.core.connector.DatabaseConnector} (the JDBC code lives in the connector module, e.g.
 * {@code connectors/postgres}), reads the catalog and the query history (statements turned into patterns and usage by
 * {@link dev.ktx.ingest.core.database.HistoryAggregator}) and computes the session's
 * {@link dev.ktx.ingest.core.git.Changeset} against the session's base tree
 * ({@link dev.ktx.ingest.core.database.DatabaseSchemaIngest},
 * {@link dev.ktx.ingest.core.database.QueryPatternPages}):
 * <pre>
 * semantic-layer/&lt;conn&gt;/_schema/&lt;schema&gt;.yaml          one shard per schema; source name = table name
 * raw-sources/&lt;conn&gt;/schema/&lt;syncId&gt;/catalog.json      the catalog read (CatalogJson), incl. row estimates
 * provenance/&lt;conn&gt;/schema/&lt;syncId&gt;.jsonl             one source_created row per manifest entry
 * wiki/global/query-&lt;conn&gt;-&lt;hash&gt;.md                  one page per query pattern (query history)
 * raw-sources/&lt;conn&gt;/query-history/&lt;syncId&gt;/patterns.json, provenance/&lt;conn&gt;/query-history/&lt;syncId&gt;.jsonl
 * </pre>
 * An unchanged schema (every shard already holds what the scan found) gives an empty changeset: no snapshot, no
 * provenance.
 * Row estimates ({@code reltuples}) are only in {@code catalog.json}: in the shards they would change on every
 * {@code ANALYZE} and defeat that rule. Query-history usage replaces the shards' {@code usage}, and its patterns the
 * connection's pattern pages, only when it was read; a disabled, skipped or failed read keeps what is there.
 */
package dev.ktx.ingest.core.database;
