package dev.ktx.ingest.connectors.metabase;

import dev.ktx.ingest.core.config.MetabaseConnection;
import dev.ktx.ingest.core.repo.InMemoryRepoTree;
import dev.ktx.ingest.core.source.AdapterHarness;
import dev.ktx.ingest.core.source.SourceContext;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A warehouse manifest like database ingest writes for the acme demo, and the Metabase connection that maps to it. */
final class MetabaseFixture {

    static final Path DEMO = Path.of("../../examples/acme/snapshots/metabase");
    static final String SHARD = "semantic-layer/warehouse/_schema/public.yaml";
    static final String SHARD_TEXT = """
            tables:
              accounts:
                table: acme.public.accounts
                columns:
                  - {name: account_id, type: bigint, pk: true, nullable: false}
                  - {name: name, type: text}
                  - {name: plan, type: text}
                  - {name: created_at, type: timestamptz}
                  - {name: activated_at, type: timestamptz}
              mart_account_segments:
                table: acme.public.mart_account_segments
                columns:
                  - {name: account_id, type: bigint, pk: true, nullable: false}
                  - {name: segment, type: text}
                  - {name: mrr, type: numeric}
                  - {name: updated_at, type: timestamptz}
              subscriptions:
                table: acme.public.subscriptions
                columns:
                  - {name: subscription_id, type: bigint, pk: true, nullable: false}
                  - {name: account_id, type: bigint}
                  - {name: mrr, type: numeric}
            """;

    private MetabaseFixture() {}

    static InMemoryRepoTree warehouse() {
        return new InMemoryRepoTree().file("ktx.yaml", "connections: {}\n").file(SHARD, SHARD_TEXT);
    }

    static MetabaseConnection connection(Path snapshotDir, Map<String, String> databaseMappings) {
        return new MetabaseConnection(
                "prod_metabase",
                URI.create("https://metabase.acme.example"),
                Optional.empty(),
                Optional.of(snapshotDir),
                new TreeMap<>(databaseMappings));
    }

    static SourceContext context(Path snapshotDir) {
        return AdapterHarness.context(connection(snapshotDir, Map.of("2", "warehouse")), snapshotDir);
    }

    static AdapterHarness.Result runDemo(InMemoryRepoTree base) throws IOException, InterruptedException {
        return AdapterHarness.run(new MetabaseAdapter(), context(DEMO), base);
    }

    /** Copies the demo snapshot into {@code dir} so a test can add or replace files. */
    static Path copyDemo(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(DEMO)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = dir.resolve(DEMO.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        return dir;
    }

    static void write(Path dir, String path, String content) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    /** {@code cards/<id>.json} with the fields the adapter reads; {@code query} is the {@code dataset_query} JSON. */
    static void card(Path dir, long id, String name, Long collectionId, String query) throws IOException {
        write(dir, "cards/" + id + ".json", """
                {"id": %d, "name": "%s", "description": null, "archived": false, "collection_id": %s,
                 "database_id": 2, "display": "table", "dataset_query": %s, "result_metadata": []}
                """.formatted(id, name, collectionId, query));
    }

    static String nativeQuery(String sql) {
        return "{\"database\": 2, \"type\": \"native\", \"native\": {\"query\": \"" + sql + "\"}}";
    }

    static String mbqlQuery(long sourceTable, String aggregation) {
        return "{\"database\": 2, \"type\": \"query\", \"query\": {\"source-table\": " + sourceTable
                + ", \"aggregation\": " + aggregation + "}}";
    }
}
