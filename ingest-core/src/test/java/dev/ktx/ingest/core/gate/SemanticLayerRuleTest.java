package dev.ktx.ingest.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SemanticLayerRuleTest {

    private final GateFixture fixture = new GateFixture();

    @Test
    void consistentOverlayAndStandaloneChangesPass() {
        fixture.session
                .file(GateFixture.OVERLAY, GateFixture.OVERLAY_TEXT + "column_overrides: {status: {type: category}}\n")
                .file("semantic-layer/wh/visits.yaml", "table: shop.web.visits\ngrain: [id]\ncolumns: [{name: id}]\n");
        assertThat(fixture.finalGateErrors()).isEmpty();
    }

    @Test
    void overlayWithoutManifestEntryFails() {
        fixture.session.file("semantic-layer/wh/ghost.yaml", "measures: [{name: n, agg: count}]\n");
        assertThat(fixture.finalGateErrors())
                .containsExactly("semantic-layer validation failed for wh:ghost: overlay has no manifest entry");
    }

    @Test
    void standaloneSourceShadowingAManifestEntryFails() {
        fixture.session.file(
                "semantic-layer/wh/customers.yaml",
                "table: shop.public.customers\ngrain: [id]\ncolumns: [{name: id}]\n");
        assertThat(fixture.finalGateErrors())
                .containsExactly(
                        "semantic-layer validation failed for wh:customers: standalone source shadows a manifest entry");
    }

    @Test
    void standaloneSourceNeedsExactlyOneOfTableAndSql() {
        fixture.session
                .file(
                        "semantic-layer/wh/both.yaml",
                        "table: a.b.c\nsql: select 1\ngrain: [id]\ncolumns: [{name: id}]\n")
                .file("semantic-layer/wh/neither.yaml", "grain: [id]\ncolumns: [{name: id}]\n");
        assertThat(fixture.finalGateErrors())
                .containsExactly(
                        "semantic-layer validation failed for wh:both: standalone source has both table and sql",
                        "semantic-layer validation failed for wh:neither: standalone source has neither table nor sql");
    }

    @Test
    void referencesToUnknownColumnsFailWithEveryReason() {
        fixture.session.file(GateFixture.OVERLAY, """
                column_overrides: {ghost: {type: t}}
                measures: [{name: m, agg: sum, column: internal_note}]
                segments: [{name: s, sql: x, columns: [nope]}]
                exclude_columns: [internal_note]
                """);
        assertThat(fixture.finalGateErrors())
                .containsExactly(
                        "semantic-layer validation failed for wh:orders: column_overrides refers to unknown column ghost",
                        "semantic-layer validation failed for wh:orders: measure m refers to unknown column internal_note",
                        "semantic-layer validation failed for wh:orders: segment s refers to unknown column nope",
                        // the page orders-faq refers to orders.revenue, which this overlay no longer defines
                        "orders-faq: unknown sl_refs entity orders.revenue");
    }

    @Test
    void malformedFilesFailWithTheParseReason() {
        fixture.session
                .file(GateFixture.OVERLAY, "measures: [\n")
                .file("semantic-layer/wh/other.yaml", "measures: [{name: m}]\n")
                .file("semantic-layer/wh/_schema/staging.yaml", "tables:\n  t: {}\n");
        assertThat(fixture.finalGateErrors())
                .containsExactly(
                        "semantic-layer validation failed for wh:_schema/staging: tables.t.table is required",
                        "semantic-layer validation failed for wh:orders: malformed YAML at line 2, column 1: expected the node content, but found '<stream end>'",
                        "semantic-layer validation failed for wh:other: measures[0].agg is required",
                        "orders-faq: unknown sl_refs entity orders.revenue");
    }
}
