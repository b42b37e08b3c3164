package dev.ktx.ingest.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WikiReferenceRuleTest {

    private final GateFixture fixture = new GateFixture();

    @Test
    void unchangedFixtureIsClean() {
        assertThat(fixture.finalGateErrors()).isEmpty();
    }

    @Test
    void slRefsToKnownSourcesAndEntitiesPass() {
        fixture.writePage(
                "p",
                "sl_refs: [orders, wh/orders.revenue, orders.net, orders.paid, orders.id, customers.name, events.day, sessions.id]",
                "");
        assertThat(fixture.finalGateErrors()).isEmpty();
    }

    @Test
    void slRefsToUnknownSourcesFail() {
        fixture.writePage("p", "sl_refs: [nope.id, dbt/orders.id, ghost]", "");
        assertThat(fixture.finalGateErrors())
                .containsExactly(
                        "p: unknown sl_refs entry nope.id",
                        "p: unknown sl_refs entry dbt/orders.id",
                        "p: unknown sl_refs entry ghost");
    }

    @Test
    void slRefsToUnknownEntitiesFail() {
        fixture.writePage("p", "sl_refs: [orders.bogus, orders.internal_note, wh/events.amount]", "");
        assertThat(fixture.finalGateErrors())
                .containsExactly(
                        "p: unknown sl_refs entity orders.bogus",
                        "p: unknown sl_refs entity orders.internal_note",
                        "p: unknown sl_refs entity wh/events.amount");
    }

    @Test
    void linksToExistingPagesPass() {
        fixture.writePage("p", "refs: [customers]", "See [[orders-faq]] and [[customers|our customers]].");
        assertThat(fixture.finalGateErrors()).isEmpty();
    }

    @Test
    void allMissingLinkTargetsAreReportedOnOneLine() {
        fixture.writePage("p", "refs: [ghost]", "See [[phantom|it]] and [[customers]].")
                .writePage("q", "", "See [[Not A Key]].");
        assertThat(fixture.finalGateErrors())
                .containsExactly("wiki references target missing page(s): p -> ghost, p -> phantom, q -> Not A Key");
    }

    @Test
    void linksToPagesWrittenInTheSameSessionPass() {
        fixture.writePage("p", "refs: [q]", "").writePage("q", "", "[[p]]");
        assertThat(fixture.finalGateErrors()).isEmpty();
    }

    @Test
    void bodySourceReferencesMustResolve() {
        fixture.writePage("ok", "", "`source:orders`, `source:events`, `wh/source:customers`, `dbt/source:sessions`");
        assertThat(fixture.finalGateErrors()).isEmpty();

        fixture.writePage("p", "", "`source:nope` and `wh/source:sessions`");
        assertThat(fixture.finalGateErrors())
                .containsExactly(
                        "p: unknown semantic-layer source nope", "p: unknown semantic-layer source wh/sessions");
    }

    @Test
    void bodyRawTableReferencesMustNameAManifestTable() {
        fixture.writePage("ok", "", "`table:public.orders` and `table:analytics.sessions`");
        assertThat(fixture.finalGateErrors()).isEmpty();

        fixture.writePage("p", "", "`table:public.nope`, `table:private.orders`, `table:orders`");
        assertThat(fixture.finalGateErrors())
                .containsExactly(
                        "p: unknown raw table public.nope",
                        "p: unknown raw table private.orders",
                        "p: unknown raw table orders");
    }

    @Test
    void invalidFrontmatterIsReportedForWrittenPages() {
        fixture.session.file(GateFixture.page("p"), "---\ntags: [a]\n---\n\nbody\n");
        assertThat(fixture.finalGateErrors()).containsExactly("p: invalid frontmatter: summary is required");
    }
}
