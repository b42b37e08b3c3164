package dev.ktx.ingest.core.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ktx.ingest.core.git.Changeset;
import dev.ktx.ingest.core.repo.InMemoryRepoTree;
import dev.ktx.ingest.core.repo.SyncId;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The schema step writes the shards a scan changed and leaves every other one as it is. */
class DatabaseSchemaIngestTest {

    private static final SyncId SYNC = SyncId.parse("2026-12-03-070000-job1");
    private static final String ORDERS_SHARD = "semantic-layer/warehouse/_schema/sales.yaml";
    private static final String USERS_SHARD = "semantic-layer/warehouse/_schema/crm.yaml";

    @Test
    void aShardHoldingWhatTheScanFoundIsLeftAsItIsAndOnlyTheChangedOneIsWritten() {
        InMemoryRepoTree base = Trees.apply(
                new InMemoryRepoTree(),
                DatabaseSchemaIngest.changes(new InMemoryRepoTree(), "warehouse", catalog("email"), Map.of(), SYNC));
        String ordersShard = text(base, ORDERS_SHARD);
        // Same tables, written another way (a comment above them): still what the scan found.
        base.file(ORDERS_SHARD, "# kept by hand\n" + ordersShard);

        Changeset unchanged = DatabaseSchemaIngest.changes(base, "warehouse", catalog("email"), Map.of(), SYNC);
        Changeset renamed = DatabaseSchemaIngest.changes(base, "warehouse", catalog("email_address"), Map.of(), SYNC);

        assertThat(unchanged.writes()).isEmpty();
        assertThat(unchanged.deletes()).isEmpty();
        assertThat(renamed.writes()).containsKey(USERS_SHARD).doesNotContainKey(ORDERS_SHARD);
        assertThat(new String(renamed.writes().get(USERS_SHARD), StandardCharsets.UTF_8))
                .contains("email_address");
    }

    private static String text(InMemoryRepoTree tree, String path) {
        return new String(tree.read(path).orElseThrow(), StandardCharsets.UTF_8);
    }

    private static DatabaseCatalog catalog(String emailColumn) {
        return new DatabaseCatalog(
                "analytics",
                List.of(
                        table("sales", "orders", new CatalogColumn("id", "bigint", false, true, null)),
                        table("crm", "users", new CatalogColumn(emailColumn, "text", true, false, "contact"))));
    }

    private static CatalogTable table(String schema, String name, CatalogColumn column) {
        return new CatalogTable(schema, name, CatalogTable.Kind.TABLE, null, null, List.of(column), List.of());
    }
}
