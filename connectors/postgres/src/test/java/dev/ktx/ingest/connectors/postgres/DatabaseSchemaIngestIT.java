package dev.ktx.ingest.connectors.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ktx.ingest.core.database.DatabaseCatalog;
import dev.ktx.ingest.core.database.DatabaseSchemaIngest;
import dev.ktx.ingest.core.database.Trees;
import dev.ktx.ingest.core.gate.FinalGates;
import dev.ktx.ingest.core.gate.GateInput;
import dev.ktx.ingest.core.gate.ProvenanceGate;
import dev.ktx.ingest.core.git.Changeset;
import dev.ktx.ingest.core.repo.EntryKind;
import dev.ktx.ingest.core.repo.InMemoryRepoTree;
import dev.ktx.ingest.core.repo.ManifestCodec;
import dev.ktx.ingest.core.repo.ManifestShard;
import dev.ktx.ingest.core.repo.PathChange;
import dev.ktx.ingest.core.repo.ProvenanceCodec;
import dev.ktx.ingest.core.repo.ProvenanceRow;
import dev.ktx.ingest.core.repo.SyncId;
import dev.ktx.ingest.core.repo.TableUsage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DatabaseSchemaIngestIT {

    private static final SyncId FIRST = new SyncId(Instant.parse("2026-03-01T10:00:00Z"), "job1");
    private static final SyncId SECOND = new SyncId(Instant.parse("2026-03-02T10:00:00Z"), "job2");
    private static final String PUBLIC_SHARD = "semantic-layer/warehouse/_schema/public.yaml";
    private static final String STAGING_SHARD = "semantic-layer/warehouse/_schema/staging.yaml";

    private Warehouse warehouse;

    @BeforeEach
    void freshWarehouse() {
        warehouse = Warehouse.demo();
    }

    @Test
    void firstRunWritesShardsRawSnapshotAndProvenance() throws Exception {
        Changeset changes = run(new InMemoryRepoTree(), FIRST);

        String raw = "raw-sources/warehouse/schema/2026-03-01-100000-job1/catalog.json";
        String provenance = "provenance/warehouse/schema/2026-03-01-100000-job1.jsonl";
        assertThat(changes.writes()).containsOnlyKeys(PUBLIC_SHARD, raw, provenance);
        assertThat(changes.deletes()).isEmpty();
        assertThat(shard(changes, PUBLIC_SHARD).tables())
                .containsOnlyKeys(
                        "accounts", "active_accounts", "events", "mart_account_segments", "plans", "subscriptions");
        String sha256 = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(changes.writes().get(raw)));
        assertThat(ProvenanceCodec.parse(text(changes, provenance)))
                .containsExactly(
                        row("warehouse/accounts", sha256),
                        row("warehouse/active_accounts", sha256),
                        row("warehouse/events", sha256),
                        row("warehouse/mart_account_segments", sha256),
                        row("warehouse/plans", sha256),
                        row("warehouse/subscriptions", sha256));
    }

    @Test
    void firstRunPassesTheFinalGates() {
        InMemoryRepoTree main = new InMemoryRepoTree();
        Changeset changes = run(main, FIRST);
        InMemoryRepoTree session = Trees.apply(main, changes);
        List<PathChange> added = changes.writes().keySet().stream()
                .map(path -> new PathChange(path, PathChange.Type.ADDED, EntryKind.FILE))
                .toList();
        GateInput input = GateInput.of(main, session, added, Set.of("warehouse"));

        assertThat(new FinalGates().check(input).errors()).isEmpty();
        assertThat(new ProvenanceGate().check(input).errors()).isEmpty();
    }

    @Test
    void unchangedSchemaGivesAnEmptyChangeset() {
        InMemoryRepoTree afterFirst = Trees.apply(new InMemoryRepoTree(), run(new InMemoryRepoTree(), FIRST));

        assertThat(run(afterFirst, SECOND).isEmpty()).isTrue();
    }

    @Test
    void droppedTableLeavesItsShard() {
        InMemoryRepoTree afterFirst = Trees.apply(new InMemoryRepoTree(), run(new InMemoryRepoTree(), FIRST));
        warehouse.execute("DROP TABLE public.events");

        Changeset changes = run(afterFirst, SECOND);

        assertThat(shard(changes, PUBLIC_SHARD).tables())
                .doesNotContainKey("events")
                .containsKey("accounts");
        assertThat(changes.writes())
                .containsKeys(
                        "raw-sources/warehouse/schema/2026-03-02-100000-job2/catalog.json",
                        "provenance/warehouse/schema/2026-03-02-100000-job2.jsonl");
        assertThat(changes.deletes()).isEmpty();
    }

    @Test
    void newTableRewritesOnlyItsShardAndAnEmptiedShardIsDeleted() {
        warehouse.execute("CREATE SCHEMA staging; CREATE TABLE staging.signups (id int)");
        InMemoryRepoTree afterFirst = Trees.apply(new InMemoryRepoTree(), run(new InMemoryRepoTree(), FIRST));
        assertThat(afterFirst.exists(STAGING_SHARD)).isTrue();

        warehouse.execute("CREATE TABLE staging.leads (id int)");
        Changeset added = run(afterFirst, SECOND);
        assertThat(added.writes()).containsKey(STAGING_SHARD).doesNotContainKey(PUBLIC_SHARD);
        assertThat(shard(added, STAGING_SHARD).tables()).containsOnlyKeys("leads", "signups");

        warehouse.execute("DROP SCHEMA staging CASCADE");
        Changeset removed = run(afterFirst, SECOND);
        assertThat(removed.deletes()).containsExactly(STAGING_SHARD);
        assertThat(removed.writes()).doesNotContainKey(PUBLIC_SHARD);
    }

    @Test
    void usageGoesIntoTheShards() throws SQLException {
        TableUsage usage = new TableUsage(42, new TreeMap<>(Map.of("plan_id", 40L)));

        Changeset changes = DatabaseSchemaIngest.changes(
                new InMemoryRepoTree(), "warehouse", catalog(), Map.of("public.plans", usage), FIRST);

        assertThat(shard(changes, PUBLIC_SHARD).tables().get("plans").usage()).isEqualTo(usage);
        assertThat(shard(changes, PUBLIC_SHARD).tables().get("accounts").usage())
                .isNull();
    }

    private Changeset run(InMemoryRepoTree base, SyncId syncId) {
        try {
            return DatabaseSchemaIngest.changes(base, "warehouse", catalog(), Map.of(), syncId);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private DatabaseCatalog catalog() throws SQLException {
        try (Connection jdbc = warehouse.connect()) {
            return PostgresIntrospector.introspect(jdbc, warehouse.connection());
        }
    }

    private static ManifestShard shard(Changeset changes, String path) {
        return ManifestCodec.parse(text(changes, path));
    }

    private static String text(Changeset changes, String path) {
        return new String(changes.writes().get(path), StandardCharsets.UTF_8);
    }

    private static ProvenanceRow row(String artifactKey, String sha256) {
        return new ProvenanceRow(
                "catalog.json",
                sha256,
                ProvenanceRow.ArtifactKind.SL,
                artifactKey,
                ProvenanceRow.Action.SOURCE_CREATED,
                null);
    }
}
