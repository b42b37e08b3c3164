package dev.ktx.ingest.connectors.metabase;

import static dev.ktx.ingest.connectors.metabase.MetabaseFixture.card;
import static dev.ktx.ingest.connectors.metabase.MetabaseFixture.mbqlQuery;
import static dev.ktx.ingest.connectors.metabase.MetabaseFixture.nativeQuery;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.ktx.ingest.core.input.RawFormatException;
import dev.ktx.ingest.core.repo.BodyReferences;
import dev.ktx.ingest.core.repo.InMemoryRepoTree;
import dev.ktx.ingest.core.repo.ProvenanceRow;
import dev.ktx.ingest.core.repo.ProvenanceRow.Action;
import dev.ktx.ingest.core.repo.ProvenanceRow.ArtifactKind;
import dev.ktx.ingest.core.repo.WikiPageCodec;
import dev.ktx.ingest.core.source.AdapterHarness;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetabaseAdapterTest {

    static final String SEGMENTS_OVERLAY = "semantic-layer/warehouse/mart_account_segments.yaml";
    static final String ACCOUNTS_OVERLAY = "semantic-layer/warehouse/accounts.yaml";

    @TempDir
    Path dir;

    @Test
    void mappedCardsGetOneOverlayPerTableAndPagesWithResolvableSlRefs() throws Exception {
        AdapterHarness.Result result = MetabaseFixture.runDemo(MetabaseFixture.warehouse());

        assertThat(result.unitIds()).containsExactly("collection-5", "collection-7", "semantic-layer");
        assertThat(result.text(SEGMENTS_OVERLAY)).isEqualTo("""
                measures:
                  - name: count_mart_account_segments
                    agg: count
                    descriptions:
                      metabase: 'Used by Metabase cards: Accounts by segment (#12)'
                  - name: sum_mrr
                    agg: sum
                    column: mrr
                    descriptions:
                      metabase: 'Used by Metabase cards: Accounts by segment (#12)'
                """);
        assertThat(result.text("wiki/global/metabase-accounts-by-segment.md")).isEqualTo("""
                ---
                summary: Number of accounts and their total MRR per segment.
                tags:
                  - metabase
                sl_refs:
                  - warehouse/mart_account_segments
                  - warehouse/mart_account_segments.count_mart_account_segments
                  - warehouse/mart_account_segments.sum_mrr
                source: prod_metabase
                tables:
                  - public.mart_account_segments
                ---

                # Accounts by segment

                Number of accounts and their total MRR per segment.

                - Metabase card 12 in the collection "Company metrics"
                - Table: `public.mart_account_segments`, semantic-layer source `warehouse/mart_account_segments`
                - Measures: `count_mart_account_segments`, `sum_mrr`

                ## Query

                ```json
                {
                  "source-table" : 14,
                  "aggregation" : [ [ "count" ], [ "sum", [ "field", 142, null ] ] ],
                  "breakout" : [ [ "field", 141, null ] ]
                }
                ```
                """);
        // Native SQL: the table comes from the parser, the count(*) is evident, the filter stays in the page's SQL.
        assertThat(result.text(ACCOUNTS_OVERLAY)).startsWith("measures:\n  - name: count_accounts\n    agg: count\n");
        assertThat(result.text("wiki/global/metabase-activated-accounts.md"))
                .contains("sl_refs:\n  - warehouse/accounts\n  - warehouse/accounts.count_accounts\n")
                .contains("```sql\nSELECT count(*) FROM public.accounts WHERE activated_at IS NOT NULL\n```");
        assertThat(result.provenance())
                .extracting(
                        ProvenanceRow::rawPath,
                        ProvenanceRow::artifactKind,
                        ProvenanceRow::artifactKey,
                        ProvenanceRow::action)
                .contains(
                        tuple(
                                "cards/12.json",
                                ArtifactKind.SL,
                                "warehouse/mart_account_segments",
                                Action.MEASURE_ADDED),
                        tuple("cards/12.json", ArtifactKind.WIKI, "metabase-accounts-by-segment", Action.WIKI_WRITTEN),
                        tuple("cards/15.json", ArtifactKind.SL, "warehouse/accounts", Action.MEASURE_ADDED));
    }

    @Test
    void cardOnATableTheWarehouseLacksIsAHardStop() throws Exception {
        AdapterHarness.Result result = MetabaseFixture.runDemo(MetabaseFixture.warehouse());

        assertThat(result.writes()).doesNotContainKey("semantic-layer/warehouse/legacy_revenue.yaml");
        assertThat(result.writes().keySet())
                .filteredOn(path -> path.startsWith("semantic-layer/"))
                .containsExactly(ACCOUNTS_OVERLAY, SEGMENTS_OVERLAY);
        assertThat(result.text("wiki/global/metabase-legacy-revenue.md")).isEqualTo("""
                ---
                summary: Legacy revenue
                tags:
                  - metabase
                source: prod_metabase
                ---

                # Legacy revenue

                - Metabase card 21 in the collection "Company metrics / Revenue"
                - Table: `public.legacy_revenue`
                - Not in the semantic layer: its table is not in the warehouse schema of the connection (missing_target_table)

                ## Query

                ```sql
                SELECT date_trunc('month', booked_at) AS month, sum(amount) AS revenue
                FROM public.legacy_revenue
                GROUP BY 1
                ORDER BY 1
                ```
                """);
        assertThat(result.provenance())
                .filteredOn(row -> row.rawPath().equals("cards/21.json"))
                .extracting(
                        ProvenanceRow::artifactKind,
                        ProvenanceRow::artifactKey,
                        ProvenanceRow::action,
                        ProvenanceRow::reason)
                .containsExactly(
                        tuple(ArtifactKind.SL, "warehouse/legacy_revenue", Action.UNMAPPED, "missing_target_table"),
                        tuple(ArtifactKind.WIKI, "metabase-legacy-revenue", Action.WIKI_WRITTEN, null));
    }

    @Test
    void withoutAManifestNothingIsMapped() throws Exception {
        AdapterHarness.Result result = MetabaseFixture.runDemo(new InMemoryRepoTree());

        assertThat(result.writes().keySet()).allMatch(path -> path.startsWith("wiki/global/"));
        assertThat(result.writes().values()).noneMatch(text -> text.contains("sl_refs"));
        assertThat(result.provenance())
                .filteredOn(row -> row.action() == Action.UNMAPPED)
                .extracting(ProvenanceRow::artifactKey, ProvenanceRow::reason)
                .containsExactly(
                        tuple("warehouse/mart_account_segments", "missing_target_table"),
                        tuple("warehouse/accounts", "missing_target_table"),
                        tuple("warehouse/legacy_revenue", "missing_target_table"));
    }

    @Test
    void archivedCardsAreSkipped() throws Exception {
        AdapterHarness.Result result = MetabaseFixture.runDemo(MetabaseFixture.warehouse());

        assertThat(result.writes())
                .doesNotContainKey("wiki/global/metabase-old-mrr-chart.md")
                .doesNotContainKey("semantic-layer/warehouse/subscriptions.yaml");
        assertThat(result.provenance())
                .filteredOn(row -> row.rawPath().equals("cards/23.json"))
                .extracting(ProvenanceRow::artifactKey, ProvenanceRow::action, ProvenanceRow::reason)
                .containsExactly(tuple("metabase-old-mrr-chart", Action.SKIPPED, "archived"));
    }

    @Test
    void databaseWithoutMappingLeavesEveryCardUnmapped() throws Exception {
        AdapterHarness.Result result = AdapterHarness.run(
                new MetabaseAdapter(),
                AdapterHarness.context(MetabaseFixture.connection(MetabaseFixture.DEMO, Map.of("3", "warehouse")), dir),
                MetabaseFixture.warehouse());

        assertThat(result.writes().keySet()).noneMatch(path -> path.startsWith("semantic-layer/"));
        assertThat(result.provenance())
                .filteredOn(row -> row.action() == Action.UNMAPPED)
                .extracting(ProvenanceRow::artifactKey, ProvenanceRow::reason)
                .containsExactly(
                        tuple("card-12", "unmapped_database"),
                        tuple("card-15", "unmapped_database"),
                        tuple("card-21", "unmapped_database"));
    }

    @Test
    void unparseableSqlIsUnmappedAndCollidingNamesGetTheCardId() throws Exception {
        MetabaseFixture.copyDemo(dir);
        card(dir, 30, "Accounts by segment", 7L, nativeQuery("SELEC oops FROM"));
        card(dir, 31, "Accounts, by segment!", null, mbqlQuery(10, "[[\"distinct\", [\"field\", 102, null]]]"));

        AdapterHarness.Result result =
                AdapterHarness.run(new MetabaseAdapter(), MetabaseFixture.context(dir), MetabaseFixture.warehouse());

        assertThat(result.unitIds())
                .containsExactly("collection-5", "collection-7", "collection-root", "semantic-layer");
        assertThat(result.writes())
                .containsKeys(
                        "wiki/global/metabase-accounts-by-segment-12.md",
                        "wiki/global/metabase-accounts-by-segment-30.md",
                        "wiki/global/metabase-accounts-by-segment-31.md");
        assertThat(result.provenance())
                .filteredOn(row -> row.rawPath().equals("cards/30.json"))
                .extracting(ProvenanceRow::artifactKey, ProvenanceRow::action, ProvenanceRow::reason)
                .containsExactly(
                        tuple("card-30", Action.UNMAPPED, "parse_error"),
                        tuple("metabase-accounts-by-segment-30", Action.WIKI_WRITTEN, null));
        assertThat(result.text("wiki/global/metabase-accounts-by-segment-31.md"))
                .contains("collection \"Our analytics\"")
                .contains("  - warehouse/accounts.count_distinct_plan\n");
    }

    @Test
    void aCardReferenceResolvesThroughTheSnapshotAndAnUnknownOneIsAParseError() throws Exception {
        MetabaseFixture.copyDemo(dir);
        // card 12 is an MBQL question on mart_account_segments; card 99 does not exist
        card(dir, 60, "Segments with MRR", 5L, nativeQuery("SELECT count(*) FROM {{#12-segments}} s"));
        card(dir, 61, "From a missing card", 5L, nativeQuery("SELECT count(*) FROM {{#99}} m"));

        AdapterHarness.Result result =
                AdapterHarness.run(new MetabaseAdapter(), MetabaseFixture.context(dir), MetabaseFixture.warehouse());

        assertThat(result.text("wiki/global/metabase-segments-with-mrr.md"))
                .contains("  - warehouse/mart_account_segments\n");
        assertThat(result.provenance())
                .filteredOn(row -> row.rawPath().equals("cards/61.json"))
                .extracting(ProvenanceRow::artifactKey, ProvenanceRow::action, ProvenanceRow::reason)
                .containsExactly(
                        tuple("card-61", Action.UNMAPPED, "parse_error"),
                        tuple("metabase-from-a-missing-card", Action.WIKI_WRITTEN, null));
    }

    @Test
    void optionalClausesOfNativeSqlAreNotReadAsWikiLinks() throws Exception {
        MetabaseFixture.copyDemo(dir);
        card(
                dir,
                50,
                "MRR of a segment",
                5L,
                nativeQuery("SELECT sum(mrr) FROM mart_account_segments WHERE true [[AND segment = {{segment}}]]"));

        String body = WikiPageCodec.parse(
                        "metabase-mrr-of-a-segment",
                        AdapterHarness.run(
                                        new MetabaseAdapter(),
                                        MetabaseFixture.context(dir),
                                        MetabaseFixture.warehouse())
                                .text("wiki/global/metabase-mrr-of-a-segment.md"))
                .body();

        assertThat(body).contains("WHERE true [ [AND segment = {{segment}}] ]");
        assertThat(BodyReferences.of(body).links()).isEmpty();
    }

    @Test
    void overlayCombinesCardsAcrossCollectionsAndKeepsWhatTheBaseOverlayHas() throws Exception {
        MetabaseFixture.copyDemo(dir);
        card(
                dir,
                40,
                "Accounts per plan",
                7L,
                nativeQuery("SELECT plan, count(*), count(DISTINCT plan) FROM accounts GROUP BY plan"));
        InMemoryRepoTree base = MetabaseFixture.warehouse().file(ACCOUNTS_OVERLAY, """
                descriptions: {dbt: One row per customer account.}
                measures:
                  - {name: count_accounts, agg: count, descriptions: {dbt: All accounts.}}
                  - {name: trial_accounts, agg: count, sql: "case when plan = 'trial' then 1 end"}
                """);

        AdapterHarness.Result result = AdapterHarness.run(new MetabaseAdapter(), MetabaseFixture.context(dir), base);

        assertThat(result.text(ACCOUNTS_OVERLAY)).isEqualTo("""
                descriptions:
                  dbt: One row per customer account.
                measures:
                  - name: count_accounts
                    agg: count
                    descriptions:
                      dbt: All accounts.
                      metabase: 'Used by Metabase cards: Activated accounts (#15), Accounts per plan (#40)'
                  - name: trial_accounts
                    agg: count
                    sql: case when plan = 'trial' then 1 end
                  - name: count_distinct_plan
                    agg: count_distinct
                    column: plan
                    descriptions:
                      metabase: 'Used by Metabase cards: Accounts per plan (#40)'
                """);
        assertThat(result.provenance())
                .filteredOn(row -> row.action() == Action.MEASURE_ADDED)
                .extracting(ProvenanceRow::rawPath, ProvenanceRow::artifactKey)
                .containsExactly(
                        tuple("cards/15.json", "warehouse/accounts"),
                        tuple("cards/40.json", "warehouse/accounts"),
                        tuple("cards/12.json", "warehouse/mart_account_segments"));
    }

    @Test
    void aStandaloneSourceOfTheSameNameBlocksTheOverlay() throws Exception {
        InMemoryRepoTree base = MetabaseFixture.warehouse()
                .file(ACCOUNTS_OVERLAY, "sql: select 1 as id\ngrain: [id]\ncolumns: [{name: id}]\n");

        AdapterHarness.Result result = MetabaseFixture.runDemo(base);

        assertThat(result.writes()).doesNotContainKey(ACCOUNTS_OVERLAY);
        assertThat(result.text("wiki/global/metabase-activated-accounts.md")).doesNotContain("sl_refs");
        assertThat(result.provenance())
                .extracting(ProvenanceRow::artifactKey, ProvenanceRow::reason)
                .contains(tuple("warehouse/accounts", "invalid_existing_source"));
    }

    @Test
    void badJsonIsReportedWithItsFile() throws Exception {
        MetabaseFixture.copyDemo(dir);
        MetabaseFixture.write(dir, "cards/15.json", "{\"id\": 15, \"name\": ");

        assertThatThrownBy(() -> new MetabaseAdapter().fetch(MetabaseFixture.context(dir)))
                .isInstanceOf(RawFormatException.class)
                .hasMessageStartingWith("cards/15.json: invalid JSON: ");
    }

    @Test
    void shapeErrorsNameTheFileAndField() throws Exception {
        MetabaseFixture.copyDemo(dir);
        MetabaseFixture.write(dir, "cards/16.json", "{\"id\": 61, \"name\": \"x\"}");
        assertThatThrownBy(() -> new MetabaseAdapter().fetch(MetabaseFixture.context(dir)))
                .hasMessage("cards/16.json: id does not match the file name");

        card(dir, 16, "No query type", 5L, "{\"database\": 2, \"native\": {\"query\": \"select 1\"}}");
        assertThatThrownBy(() -> new MetabaseAdapter().fetch(MetabaseFixture.context(dir)))
                .hasMessage("cards/16.json: dataset_query.type is required");
    }
}
