package dev.ktx.ingest.connectors.metabase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ktx.ingest.core.gate.FinalGates;
import dev.ktx.ingest.core.gate.GateInput;
import dev.ktx.ingest.core.gate.GateReport;
import dev.ktx.ingest.core.gate.ProvenanceGate;
import dev.ktx.ingest.core.repo.InMemoryRepoTree;
import dev.ktx.ingest.core.repo.TreeDiff;
import dev.ktx.ingest.core.source.AdapterHarness;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The adapter's output passes the finalizer's gates: overlays validate against the manifest, every sl_ref resolves. */
class MetabaseGatesTest {

    @Test
    void demoOutputPassesTheFinalAndProvenanceGates() throws Exception {
        InMemoryRepoTree main = MetabaseFixture.warehouse();
        InMemoryRepoTree session = MetabaseFixture.runDemo(main).applyTo(main);

        GateReport report = gates(main, session);

        assertThat(report.errors()).isEmpty();
    }

    @Test
    void theGatesDoCheckTheRefsThePagesCarry() throws Exception {
        InMemoryRepoTree main = MetabaseFixture.warehouse();
        AdapterHarness.Result result = MetabaseFixture.runDemo(main);
        InMemoryRepoTree session = result.applyTo(main).remove(MetabaseAdapterTest.ACCOUNTS_OVERLAY);

        assertThat(gates(main, session).errors())
                .containsExactly(
                        "metabase-activated-accounts: unknown sl_refs entity warehouse/accounts.count_accounts");
    }

    private static GateReport gates(InMemoryRepoTree main, InMemoryRepoTree session) {
        GateInput input = GateInput.of(main, session, TreeDiff.between(main, session), Set.of("warehouse"));
        return new FinalGates().check(input).plus(new ProvenanceGate().check(input));
    }
}
