package dev.ktx.ingest.core.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SlSourceCodecTest {

    static final SlSource OVERLAY = new SlSource(
            null,
            null,
            List.of(),
            new TreeMap<>(Map.of("dbt", "All orders")),
            List.of(new SlColumn("net", "numeric", "amount - refund", new TreeMap<>())),
            new TreeMap<>(
                    Map.of("status", new ColumnOverride("category", new TreeMap<>(Map.of("dbt", "Order status"))))),
            List.of("internal_note"),
            List.of(new Measure(
                    "revenue", Aggregation.SUM, "amount", null, new TreeMap<>(Map.of("metabase", "Card 12")))),
            List.of(new Segment("paid", "status = 'paid'", List.of("status"), new TreeMap<>())),
            List.of(new Join("customers", "orders.customer_id = customers.id", Join.Relationship.MANY_TO_ONE, "dbt")));

    static final SlSource STANDALONE = new SlSource(
            null,
            "select id, day from events\nwhere ok",
            List.of("id"),
            new TreeMap<>(),
            List.of(
                    new SlColumn("id", "bigint", null, new TreeMap<>()),
                    new SlColumn("day", "date", null, new TreeMap<>())),
            new TreeMap<>(),
            List.of(),
            List.of(new Measure("events", Aggregation.COUNT, null, null, new TreeMap<>())),
            List.of(),
            List.of());

    @Test
    void writesOverlayFieldsInFixedOrder() {
        assertThat(SlSourceCodec.write(OVERLAY)).isEqualTo("""
                descriptions:
                  dbt: All orders
                columns:
                  - name: net
                    type: numeric
                    sql: amount - refund
                column_overrides:
                  status:
                    type: category
                    descriptions:
                      dbt: Order status
                exclude_columns:
                  - internal_note
                measures:
                  - name: revenue
                    agg: sum
                    column: amount
                    descriptions:
                      metabase: Card 12
                segments:
                  - name: paid
                    sql: status = 'paid'
                    columns:
                      - status
                joins:
                  - to: customers
                    'on': orders.customer_id = customers.id
                    relationship: many_to_one
                    source: dbt
                """);
        assertThat(OVERLAY.isStandalone()).isFalse();
    }

    @Test
    void writesStandaloneSources() {
        assertThat(SlSourceCodec.write(STANDALONE)).isEqualTo("""
                sql: |-
                  select id, day from events
                  where ok
                grain:
                  - id
                columns:
                  - name: id
                    type: bigint
                  - name: day
                    type: date
                measures:
                  - name: events
                    agg: count
                """);
        assertThat(STANDALONE.isStandalone()).isTrue();
    }

    @Test
    void roundTripsToEqualSourcesAndIdenticalBytes() {
        for (SlSource source : List.of(OVERLAY, STANDALONE)) {
            String written = SlSourceCodec.write(source);
            assertThat(SlSourceCodec.parse(written)).isEqualTo(source);
            assertThat(SlSourceCodec.write(SlSourceCodec.parse(written))).isEqualTo(written);
        }
    }

    @Test
    void namesTheFieldPathOfEachProblem() {
        assertInvalid("measures: [{name: m}]\n", "measures[0].agg is required");
        assertInvalid(
                "measures: [{name: m, agg: total}]\n",
                "unknown agg total (expected count, count_distinct, sum, avg, min or max)");
        assertInvalid("segments: [{name: s}]\n", "segments[0].sql is required");
        assertInvalid("column_overrides: {a: {label: x}}\n", "unknown field column_overrides.a.label");
        assertInvalid("grain: id\n", "grain must be a list");
        assertInvalid("name: orders\n", "unknown field name");
    }

    @Test
    void aMalformedDocumentLeavesTheReusedParserReadyForTheNext() {
        String written = SlSourceCodec.write(OVERLAY);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> SlSourceCodec.parse("measures: [{name: m\n"))
                    .isInstanceOf(ArtifactFormatException.class)
                    .hasMessageStartingWith("malformed YAML");
            assertThatThrownBy(() -> SlSourceCodec.parse("a: 1\na: 2\n"))
                    .isInstanceOf(ArtifactFormatException.class)
                    .hasMessageContaining("duplicate key");
            assertThat(SlSourceCodec.parse(written)).isEqualTo(OVERLAY);
        }
    }

    private static void assertInvalid(String text, String message) {
        assertThatThrownBy(() -> SlSourceCodec.parse(text))
                .isInstanceOf(ArtifactFormatException.class)
                .hasMessage(message);
    }
}
