package dev.ktx.ingest.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GateReportTest {

    @Test
    void unresolvedReferencesAreOnlyMissingTargets() {
        assertThat(new GateReport(List.of(
                                "wiki references target missing page(s): a -> b",
                                "a: unknown sl_refs entry accounts",
                                "a: unknown raw table public.x"))
                        .onlyUnresolvedReferences())
                .isTrue();
        assertThat(new GateReport(
                                List.of("wiki references target missing page(s): a -> b", "path not allowed: ktx.yaml"))
                        .onlyUnresolvedReferences())
                .isFalse();
        assertThat(GateReport.passed().onlyUnresolvedReferences()).isFalse();
    }

    @Test
    void messageHasTheHeaderThenOneErrorPerLine() {
        assertThat(new GateReport(List.of("x", "y")).message()).isEqualTo("final artifact gates failed:\nx\ny");
    }
}
