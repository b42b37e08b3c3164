package dev.ktx.ingest.bench;

import dev.ktx.ingest.connectors.postgres.PostgresDatabaseConnector;
import dev.ktx.ingest.connectors.postgres.PostgresIntrospector;
import dev.ktx.ingest.core.config.PostgresConnection;
import dev.ktx.ingest.core.config.PostgresUrl;
import dev.ktx.ingest.core.config.PostgresUrlSetting;
import dev.ktx.ingest.core.config.QueryHistorySettings;
import dev.ktx.ingest.core.database.DatabaseCatalog;
import dev.ktx.ingest.core.database.DatabaseIngest;
import dev.ktx.ingest.core.database.DatabaseIngestResult;
import dev.ktx.ingest.core.database.DatabaseSchemaIngest;
import dev.ktx.ingest.core.git.Changeset;
import dev.ktx.ingest.core.git.LocalContextRepository;
import dev.ktx.ingest.core.git.SessionId;
import dev.ktx.ingest.core.plan.StepStatus;
import dev.ktx.ingest.core.repo.RepoTree;
import dev.ktx.ingest.core.repo.SyncId;
import dev.ktx.ingest.testinfra.PostgresEndpoint;
import dev.ktx.ingest.testinfra.PostgresService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The database target's schema step on a generated warehouse ({@link GeneratedWarehouse}) against
 * {@code pg_dump --schema-only} of the same database, run by run interleaved. The schema step is what the database
 * worker runs: connect + introspect + manifest shards, {@code catalog.json} and provenance
 * ({@link DatabaseIngest#run}) + the session commit. Beside it, the same work in its parts (introspection
 * on an open connection, the changeset, the commit), to say where the time goes. Starts a private PostgreSQL
 * through test-infra (or uses {@code KTX_TEST_POSTGRES_URL}).
 */
public final class WarehouseScanBench {

    private static final int WARMUP = 3;
    private static final int RUNS = 10;
    private static final String CONNECTION = "warehouse";

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("ktx-bench");
        Timings step = new Timings();
        Timings dump = new Timings();
        Timings introspect = new Timings();
        Timings changeset = new Timings();
        Timings commit = new Timings();
        try (PostgresService server = PostgresService.start()) {
            PostgresEndpoint database = server.createDatabase();
            long created = System.nanoTime();
            GeneratedWarehouse.create(database.jdbcUrl());
            System.out.printf(
                    "warehouse: %d schemas × %d tables × %d columns + %d views per schema, created in %.1f s; %d warm-up + %d measured runs%n",
                    GeneratedWarehouse.SCHEMAS,
                    GeneratedWarehouse.TABLES_PER_SCHEMA,
                    GeneratedWarehouse.COLUMNS,
                    GeneratedWarehouse.VIEWS_PER_SCHEMA,
                    Timings.since(created) / 1000,
                    WARMUP,
                    RUNS);
            PostgresConnection connection = new PostgresConnection(
                    CONNECTION,
                    new PostgresUrlSetting.Inline(PostgresUrl.parse(database.jdbcUrl())),
                    List.of(),
                    List.of(),
                    QueryHistorySettings.DEFAULTS);
            DatabaseIngest ingest = new DatabaseIngest(new PostgresDatabaseConnector(), name -> null);
            Path repoDir = work.resolve("context.git");
            LocalContextRepository.initBare(
                            repoDir,
                            Changeset.builder()
                                    .write(
                                            "ktx.yaml",
                                            "connections:\n  warehouse: { driver: postgres, url: env:WAREHOUSE_URL }\n")
                                    .build(),
                            "bench context")
                    .close();
            try (LocalContextRepository repo = LocalContextRepository.open(repoDir);
                    Connection jdbc = DriverManager.getConnection(database.jdbcUrl())) {
                int tables = PostgresIntrospector.introspect(jdbc, connection)
                        .tables()
                        .size();
                for (int run = 0; run < WARMUP + RUNS; run++) {
                    boolean measured = run >= WARMUP;
                    SyncId sync = new SyncId(Instant.now(), "bench-" + run);

                    // The schema step as the database worker runs it.
                    SessionId session = new SessionId("scan-" + run, CONNECTION);
                    long started = System.nanoTime();
                    RepoTree base = repo.tree(repo.openSession(session));
                    DatabaseIngestResult result = ingest.run(connection, base, sync);
                    if (result.schema().status() != StepStatus.DONE
                            || result.changes().isEmpty()) {
                        throw new IllegalStateException(
                                "the schema step did not scan the warehouse: " + result.schema());
                    }
                    repo.commit(session, result.changes(), "ktx: scan " + CONNECTION);
                    double stepMillis = Timings.since(started);

                    double dumpMillis = PgDump.time(database);

                    // The same work in its parts, on an open connection.
                    SessionId parts = new SessionId("parts-" + run, CONNECTION);
                    RepoTree partsBase = repo.tree(repo.openSession(parts));
                    started = System.nanoTime();
                    DatabaseCatalog catalog = PostgresIntrospector.introspect(jdbc, connection);
                    double introspectMillis = Timings.since(started);
                    started = System.nanoTime();
                    Changeset changes = DatabaseSchemaIngest.changes(partsBase, CONNECTION, catalog, Map.of(), sync);
                    double changesetMillis = Timings.since(started);
                    started = System.nanoTime();
                    repo.commit(parts, changes, "ktx: scan " + CONNECTION);
                    double commitMillis = Timings.since(started);
                    if (measured) {
                        step.add(stepMillis);
                        dump.add(dumpMillis);
                        introspect.add(introspectMillis);
                        changeset.add(changesetMillis);
                        commit.add(commitMillis);
                    }
                }
                System.out.printf("%d relations scanned%n", tables);
                new ResultTable("what", "median", "min")
                        .timings(
                                "schema step (connect + scan + shards + catalog.json + provenance + session commit)",
                                step)
                        .timings("`pg_dump --schema-only` (to /dev/null)", dump)
                        .row(
                                "**schema step / pg_dump (medians)** (goal ≤ 2×)",
                                ResultTable.ratio(step.median() / dump.median()),
                                "")
                        .timings("  part: introspection (3 catalog queries, open connection)", introspect)
                        .timings("  part: changeset (manifest shards, catalog.json, provenance)", changeset)
                        .timings("  part: session commit", commit)
                        .print();
            }
        } finally {
            BenchRepo.deleteRecursively(work);
        }
    }
}
