package dev.ktx.ingest.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SlConnectionRuleTest {

    private final GateFixture fixture = new GateFixture();

    @Test
    void writesToAllowedConnectionsPass() {
        fixture.session.file(GateFixture.OVERLAY, GateFixture.OVERLAY_TEXT + "descriptions: {dbt: Orders}\n");
        assertThat(fixture.finalGateErrors()).isEmpty();
    }

    @Test
    void writesAndDeletesInOtherConnectionsFail() {
        fixture.allowedSlConnections = Set.of("wh", "mb");
        fixture.session
                .file("semantic-layer/dbt/_schema/analytics.yaml", "tables: {}\n")
                .remove(GateFixture.EVENTS);
        fixture.allowedSlConnections = Set.of("mb", "other");
        assertThat(fixture.finalGateErrors())
                .containsExactly(
                        "semantic-layer target connection not allowed: semantic-layer/dbt/_schema/analytics.yaml (dbt); allowed: mb, other",
                        "semantic-layer target connection not allowed: semantic-layer/wh/events.yaml (wh); allowed: mb, other");
    }

    @Test
    void noAllowedConnectionSaysSo() {
        fixture.allowedSlConnections = Set.of();
        fixture.session.file(GateFixture.OVERLAY, GateFixture.OVERLAY_TEXT + "descriptions: {dbt: Orders}\n");
        assertThat(fixture.finalGateErrors())
                .containsExactly(
                        "semantic-layer target connection not allowed: semantic-layer/wh/orders.yaml (wh); allowed: (none)");
    }
}
