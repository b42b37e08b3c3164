package dev.ktx.ingest.core.source.metabase;

import dev.ktx.ingest.core.config.MetabaseConnection;
import dev.ktx.ingest.core.repo.InMemoryRepoTree;
import dev.ktx.ingest.core.source.AdapterHarness;
import dev.ktx.ingest.core.source.SourceContext;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A warehouse manifest like database ingest writes for the acme demo, and the Metabase connection that maps to it. */
final class MetabaseFixture {

    static final Path DEMO = Path.of("../examples/acme/snapshots/metabase");
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

    private MetabaseFixture() {
    }

    static InMemoryRepoTree warehouse() {
        return new InMemoryRepoTree().file("ktx.yaml", "connections: {}\n").file(SHARD, SHARD_TEXT);
    }

    static MetabaseConnection connection(Path snapshotDir, Map<String, String> databaseMappings) {
        return new MetabaseConnection("prod_metabase", URI.create("https://metabase.acme.example"), Optional.empty(),
                Optional.of(snapshotDir), new TreeMap<>(databaseMappings));
    }

    static SourceContext context(Path snapshotDir) {
        return AdapterHarness.context(connection(snapshotDir, Map.of("2", "warehouse")), snapshotDir);
    }

    static AdapterHarness.Result runDemo(InMemoryRepoTree base) throws IOException {
        return AdapterHarness.run(new MetabaseAdapter(), context(DEMO), base);
    }
}
