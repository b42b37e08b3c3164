package dev.ktx.ingest.core.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ktx.ingest.core.git.Changeset;
import dev.ktx.ingest.core.repo.Frontmatter;
import dev.ktx.ingest.core.repo.InMemoryRepoTree;
import dev.ktx.ingest.core.repo.ProvenanceCodec;
import dev.ktx.ingest.core.repo.ProvenanceRow;
import dev.ktx.ingest.core.repo.SyncId;
import dev.ktx.ingest.core.repo.WikiPage;
import dev.ktx.ingest.core.repo.WikiPageCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryPatternPagesTest {

    private static final SyncId FIRST = new SyncId(Instant.parse("2026-03-01T10:00:00Z"), "job1");
    private static final SyncId SECOND = new SyncId(Instant.parse("2026-03-02T10:00:00Z"), "job2");
    private static final QueryPattern BY_ID = new QueryPattern(
            "SELECT plan FROM accounts WHERE account_id = $1", List.of("public.accounts"), 12, List.of(-42L));
    private static final QueryPattern JOINED = new QueryPattern(
            "SELECT a.name, p.monthly_price FROM accounts a JOIN plans p ON p.plan_id = a.plan WHERE a.country = $1",
            List.of("public.accounts", "public.plans"),
            1,
            List.of(7L, 9L));

    @Test
    void eachPatternIsAPageWithItsSqlTablesAndUsagePlusARawSnapshotAndProvenance() {
        Changeset changes =
                QueryPatternPages.changes(new InMemoryRepoTree(), "warehouse", List.of(BY_ID, JOINED), FIRST);

        String byId = QueryPatternPages.key("warehouse", BY_ID);
        String joined = QueryPatternPages.key("warehouse", JOINED);
        assertThat(byId).matches("query-warehouse-[0-9a-f]{12}");
        String raw = "raw-sources/warehouse/query-history/2026-03-01-100000-job1/patterns.json";
        String provenance = "provenance/warehouse/query-history/2026-03-01-100000-job1.jsonl";
        assertThat(changes.writes()).containsOnlyKeys(page(byId), page(joined), raw, provenance);
        assertThat(text(changes, page(byId))).isEqualTo("""
                ---
                summary: Query pattern on public.accounts (warehouse)
                tags:
                  - query-history
                  - pattern
                source: warehouse
                tables:
                  - public.accounts
                usage: Ran 12 times
                representative_sql: SELECT plan FROM accounts WHERE account_id = $1
                ---

                A statement that `pg_stat_statements` recorded on `warehouse`, shown as `representative_sql` with its \
                constants as parameters (`$1`, `$2`, …).
                """);
        Frontmatter other =
                WikiPageCodec.parse(joined, text(changes, page(joined))).frontmatter();
        assertThat(other.tables()).containsExactly("public.accounts", "public.plans");
        assertThat(other.usage()).isEqualTo("Ran once");
        assertThat(other.representativeSql()).isEqualTo(JOINED.sql());
        assertThat(text(changes, raw)).contains("\"queryIds\" : [\n      -42\n    ]", "\"executions\" : 12");
        String sha256 = SyncSnapshot.sha256(changes.writes().get(raw));
        assertThat(ProvenanceCodec.parse(text(changes, provenance)))
                .containsExactlyInAnyOrder(
                        new ProvenanceRow(
                                "patterns.json",
                                sha256,
                                ProvenanceRow.ArtifactKind.WIKI,
                                byId,
                                ProvenanceRow.Action.WIKI_WRITTEN,
                                null),
                        new ProvenanceRow(
                                "patterns.json",
                                sha256,
                                ProvenanceRow.ArtifactKind.WIKI,
                                joined,
                                ProvenanceRow.Action.WIKI_WRITTEN,
                                null));
    }

    @Test
    void unchangedPatternsChangeNothing() {
        InMemoryRepoTree afterFirst = Trees.apply(
                new InMemoryRepoTree(),
                QueryPatternPages.changes(new InMemoryRepoTree(), "warehouse", List.of(BY_ID, JOINED), FIRST));

        assertThat(QueryPatternPages.changes(afterFirst, "warehouse", List.of(BY_ID, JOINED), SECOND)
                        .isEmpty())
                .isTrue();
    }

    @Test
    void aPatternThatIsGoneLosesItsPageAndNoOtherPageIsTouched() {
        InMemoryRepoTree empty = new InMemoryRepoTree();
        InMemoryRepoTree base = Trees.apply(
                Trees.apply(empty, QueryPatternPages.changes(empty, "warehouse", List.of(BY_ID, JOINED), FIRST)),
                QueryPatternPages.changes(empty, "other", List.of(JOINED), FIRST));
        // Someone's own page under the same prefix, and one that cannot be read: neither is a pattern page.
        base.file(
                page("query-warehouse-notes"),
                WikiPageCodec.write(new WikiPage(
                        "query-warehouse-notes", Frontmatter.of("Notes on warehouse queries"), "Hand-written.")));
        base.file(page("query-warehouse-broken"), "no frontmatter");

        Changeset changes = QueryPatternPages.changes(base, "warehouse", List.of(BY_ID), SECOND);

        assertThat(changes.deletes()).containsExactly(page(QueryPatternPages.key("warehouse", JOINED)));
        assertThat(changes.writes())
                .containsOnlyKeys(
                        "raw-sources/warehouse/query-history/2026-03-02-100000-job2/patterns.json",
                        "provenance/warehouse/query-history/2026-03-02-100000-job2.jsonl");
    }

    private static String page(String key) {
        return "wiki/global/" + key + ".md";
    }

    private static String text(Changeset changes, String path) {
        return new String(changes.writes().get(path), StandardCharsets.UTF_8);
    }
}
