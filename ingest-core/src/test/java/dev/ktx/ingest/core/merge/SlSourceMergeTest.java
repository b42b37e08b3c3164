package dev.ktx.ingest.core.merge;

import static dev.ktx.ingest.core.merge.FileMerges.base;
import static dev.ktx.ingest.core.merge.FileMerges.conflicts;
import static dev.ktx.ingest.core.merge.FileMerges.mergedText;
import static dev.ktx.ingest.core.merge.FileMerges.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlSourceMergeTest {

    private static final String PATH = "semantic-layer/wh/orders.yaml";

    private static final String DBT_OVERLAY = """
            descriptions:
              dbt: One row per order.
            column_overrides:
              status:
                descriptions:
                  dbt: Where the order is.
                  dbt_tests: not_null
            """;
    private static final String METABASE_OVERLAY = """
            descriptions:
              metabase: Orders in Metabase.
            measures:
              - name: count_orders
                agg: count
                descriptions:
                  metabase: Used by Metabase cards Orders
            """;

    @Test
    void dbtAndMetabaseOverlaysBothCreatedFromNothingMergeWithBothSourcesKeys() {
        String merged = mergedText(merge(null, DBT_OVERLAY, METABASE_OVERLAY));

        assertThat(merged).isEqualTo("""
                descriptions:
                  dbt: One row per order.
                  metabase: Orders in Metabase.
                column_overrides:
                  status:
                    descriptions:
                      dbt: Where the order is.
                      dbt_tests: not_null
                measures:
                  - name: count_orders
                    agg: count
                    descriptions:
                      metabase: Used by Metabase cards Orders
                """);
        assertThat(mergedText(merge(null, METABASE_OVERLAY, DBT_OVERLAY))).isEqualTo(merged);
    }

    @Test
    void sameMeasureNameWithDifferentDefinitionsConflictsAtItsKeyPath() {
        String sum = """
                measures:
                  - name: count_orders
                    agg: count_distinct
                    column: id
                """;

        assertThat(conflicts(merge(null, sum, METABASE_OVERLAY)))
                .containsExactly(PATH + ": measures[count_orders] changed on both sides");
    }

    @Test
    void oneMeasureDescribedByTwoSourcesKeepsBothDescriptions() {
        String base = "measures:\n  - name: revenue\n    agg: sum\n    column: amount\n";
        String ours = base + "    descriptions:\n      dbt: Gross revenue.\n";
        String theirs = base + "    descriptions:\n      metabase: Used by Revenue\n";

        assertThat(mergedText(merge(base, ours, theirs))).isEqualTo(base + """
                    descriptions:
                      dbt: Gross revenue.
                      metabase: Used by Revenue
                """);
    }

    @Test
    void removingTheLastDescriptionWhileTheOtherSideAddsOneIsNoConflict() {
        String base = "descriptions:\n  dbt: Orders.\n";

        assertThat(mergedText(merge(
                        base, "measures:\n  - name: n\n    agg: count\n", base + "  metabase: Orders in Metabase.\n")))
                .isEqualTo("descriptions:\n  metabase: Orders in Metabase.\nmeasures:\n  - name: n\n    agg: count\n");
    }

    /** Lists both sides changed come out sorted by identity; a list one side changed keeps that side's order. */
    @Test
    void disjointChangesOnBothSidesMergeIntoOneCanonicalFile() {
        String base = """
                measures:
                  - name: b_total
                    agg: sum
                    column: amount
                exclude_columns:
                  - internal_note
                  - legacy_flag
                joins:
                  - to: customers
                    on: orders.customer_id = customers.id
                    relationship: many_to_one
                """;
        String ours = """
                measures:
                  - name: b_total
                    agg: sum
                    column: amount
                  - name: a_count
                    agg: count
                exclude_columns:
                  - legacy_flag
                  - z_debug
                joins:
                  - to: customers
                    on: orders.customer_id = customers.id
                    relationship: many_to_one
                """;
        String theirs = """
                column_overrides:
                  status:
                    type: category
                exclude_columns:
                  - internal_note
                  - legacy_flag
                  - etl_batch
                measures:
                  - name: c_max
                    agg: max
                    column: amount
                  - name: b_total
                    agg: sum
                    column: amount
                segments:
                  - name: paid
                    sql: status = 'paid'
                    columns:
                      - status
                joins:
                  - to: customers
                    on: orders.customer_id = customers.id
                    relationship: many_to_one
                  - to: stores
                    on: orders.store_id = stores.id
                    relationship: many_to_one
                """;

        String merged = mergedText(merge(base, ours, theirs));

        assertThat(merged).isEqualTo("""
                column_overrides:
                  status:
                    type: category
                exclude_columns:
                  - etl_batch
                  - legacy_flag
                  - z_debug
                measures:
                  - name: a_count
                    agg: count
                  - name: b_total
                    agg: sum
                    column: amount
                  - name: c_max
                    agg: max
                    column: amount
                segments:
                  - name: paid
                    sql: status = 'paid'
                    columns:
                      - status
                joins:
                  - to: customers
                    'on': orders.customer_id = customers.id
                    relationship: many_to_one
                  - to: stores
                    'on': orders.store_id = stores.id
                    relationship: many_to_one
                """);
        assertThat(mergedText(merge(base, theirs, ours))).isEqualTo(merged);
    }

    @Test
    void sameKeyChangedDifferentlyConflictsWithEveryKeyPath() {
        String base = """
                descriptions:
                  dbt: Orders.
                column_overrides:
                  status:
                    type: category
                joins:
                  - to: customers
                    on: orders.customer_id = customers.id
                    relationship: many_to_one
                """;
        String ours = """
                descriptions:
                  dbt: All orders.
                column_overrides:
                  status:
                    type: text
                """;
        String theirs = """
                descriptions:
                  dbt: Every order.
                column_overrides:
                  status:
                    type: enum
                joins:
                  - to: customers
                    on: orders.customer_id = customers.id
                    relationship: one_to_one
                """;

        assertThat(conflicts(merge(base, ours, theirs)))
                .containsExactly(
                        PATH + ": column_overrides.status.type changed on both sides",
                        PATH + ": descriptions.dbt changed on both sides",
                        PATH + ": joins[customers] deleted on one side and changed on the other");
    }

    @Test
    void anOverlayAndAStandaloneSourceForOneNameStayAConflict() {
        String standalone = """
                table: analytics.public.orders
                grain:
                  - id
                columns:
                  - name: id
                """;

        assertThat(conflicts(merge(null, standalone, DBT_OVERLAY)))
                .containsExactly(PATH + ": an overlay on one side and a standalone source on the other");
    }

    @Test
    void malformedYamlOnEitherSideIsAConflictNamingTheFile() {
        String malformed = "measures:\n  - name: [unclosed\n";

        assertThat(conflicts(merge(null, malformed, DBT_OVERLAY)))
                .singleElement()
                .asString()
                .startsWith(PATH + ": unreadable in the session: malformed YAML");
        assertThat(conflicts(merge(null, DBT_OVERLAY, malformed)))
                .singleElement()
                .asString()
                .startsWith(PATH + ": unreadable in main: malformed YAML");
        assertThat(conflicts(merge(null, DBT_OVERLAY, "measures:\n  - agg: count\n")))
                .containsExactly(PATH + ": unreadable in main: measures[0].name is required");
    }

    @Test
    void aListWhoseEntriesShareAnIdentityIsOneValue() {
        String twice = """
                measures:
                  - name: count_orders
                    agg: count
                  - name: count_orders
                    agg: count
                """;

        assertThat(conflicts(merge(null, twice, METABASE_OVERLAY)))
                .containsExactly(PATH + ": measures changed on both sides");
    }

    private static FileMerge merge(String base, String ours, String theirs) {
        return SlSourceMerge.merge(PATH, base(base), utf8(ours), utf8(theirs));
    }
}
