package dev.ktx.ingest.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class FinalGatesTest {

    private final GateFixture fixture = new GateFixture();

    @Test
    void collectsEveryErrorInRuleOrder() {
        fixture.allowedSlConnections = Set.of("wh");
        fixture.session
                .file("ktx.yaml", "changed: true\n")
                .file("semantic-layer/dbt/extra.yaml", "measures: [{name: n, agg: count}]\n")
                .remove(GateFixture.EVENTS)
                .remove(GateFixture.page("customers"));
        fixture.writePage("a-page", "sl_refs: [nope]", "`table:public.nope`");

        GateReport report = new FinalGates().check(fixture.input());

        assertThat(report.isPassed()).isFalse();
        assertThat(report.message()).isEqualTo("""
                final artifact gates failed:
                path not allowed: ktx.yaml
                semantic-layer target connection not allowed: semantic-layer/dbt/extra.yaml (dbt); allowed: wh
                deletes exceed limit: 2 of 6 artifacts (33.3% > 20%)
                semantic-layer validation failed for dbt:extra: overlay has no manifest entry
                a-page: unknown sl_refs entry nope
                a-page: unknown raw table public.nope
                wiki references target missing page(s): orders-faq -> customers""");
    }

    @Test
    void aDeletedPageBreaksUnchangedPagesThatLinkToIt() {
        fixture.session.remove(GateFixture.page("customers"));
        assertThat(fixture.finalGateErrors())
                .containsExactly("wiki references target missing page(s): orders-faq -> customers");
    }

    @Test
    void deletingAPageNobodyLinksToPasses() {
        fixture.session.remove(GateFixture.page("orders-faq"));
        assertThat(fixture.finalGateErrors()).isEmpty();
    }

    @Test
    void oldProblemsOfUnchangedPagesDoNotBlockTheSession() {
        String legacy = GateFixture.page("Old", "refs: [customers, lost]\nsl_refs: [gone.x]", "`table:x.y`");
        fixture.main.file(GateFixture.page("legacy"), legacy);
        fixture.session.file(GateFixture.page("legacy"), legacy).remove(GateFixture.page("customers"));
        assertThat(fixture.finalGateErrors())
                .containsExactly(
                        "wiki references target missing page(s): legacy -> customers, orders-faq -> customers");
    }

    @Test
    void removingAManifestEntryBreaksItsOverlayAndThePagesUsingIt() {
        fixture.session.file(GateFixture.SHARD, GateFixture.SHARD_TEXT.replace(GateFixture.ORDERS_SHARD_ENTRY, ""));
        assertThat(fixture.finalGateErrors())
                .containsExactly(
                        "semantic-layer validation failed for wh:orders: overlay has no manifest entry",
                        "orders-faq: unknown raw table public.orders");
    }

    @Test
    void removingAManifestColumnBreaksOverlayMeasuresAndPageEntities() {
        fixture.writePage("p", "sl_refs: [orders.amount]", "");
        fixture.main.file(
                GateFixture.page("p"),
                fixture.session.readText(GateFixture.page("p")).orElseThrow());
        fixture.session.file(
                GateFixture.SHARD, GateFixture.SHARD_TEXT.replace("      - {name: amount, type: numeric}\n", ""));
        assertThat(fixture.finalGateErrors())
                .containsExactly(
                        "semantic-layer validation failed for wh:orders: measure revenue refers to unknown column amount",
                        "p: unknown sl_refs entity orders.amount");
    }

    @Test
    void aNewManifestEntryMustNotBeShadowedByAStandaloneSource() {
        fixture.session.file(
                GateFixture.SHARD,
                GateFixture.SHARD_TEXT
                        + "  events:\n    table: shop.public.events\n    columns: [{name: id, type: int}]\n");
        assertThat(fixture.finalGateErrors())
                .containsExactly(
                        "semantic-layer validation failed for wh:events: standalone source shadows a manifest entry");
    }

    @Test
    void deletingAnSlSourceBreaksUnchangedPagesReferringToIt() {
        String usesEvents = GateFixture.page("Events", "sl_refs: [events.day]", "See `source:events`.");
        fixture.main.file(GateFixture.page("events-doc"), usesEvents);
        fixture.session.file(GateFixture.page("events-doc"), usesEvents).remove(GateFixture.EVENTS);
        assertThat(fixture.finalGateErrors())
                .containsExactly(
                        "events-doc: unknown sl_refs entry events.day",
                        "events-doc: unknown semantic-layer source events");
    }

    @Test
    void aSessionThatChangesNothingPasses() {
        assertThat(new FinalGates().check(fixture.input()).isPassed()).isTrue();
        assertThat(new ProvenanceGate().check(fixture.input()).isPassed()).isTrue();
    }
}
