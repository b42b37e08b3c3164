package dev.ktx.ingest.connectors.notion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ktx.ingest.core.config.NotionConnection;
import dev.ktx.ingest.core.gate.FinalGates;
import dev.ktx.ingest.core.gate.GateInput;
import dev.ktx.ingest.core.gate.ProvenanceGate;
import dev.ktx.ingest.core.repo.InMemoryRepoTree;
import dev.ktx.ingest.core.repo.TreeDiff;
import dev.ktx.ingest.core.source.AdapterHarness;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The demo's Notion pages link pages the dbt source writes: with those on main, the gates accept the session. */
class NotionGatesTest {

    @Test
    void demoPagesPassTheGatesOnceTheDbtDocsPagesExist() throws Exception {
        InMemoryRepoTree withoutDbt = new InMemoryRepoTree().file("ktx.yaml", "connections: {}\n");
        InMemoryRepoTree withDbt = withoutDbt
                .copy()
                .file("wiki/global/activation-policy-change-jan-2026.md", "---\nsummary: Activation policy\n---\n")
                .file("wiki/global/account-segmentation-rules.md", "---\nsummary: Segmentation rules\n---\n");

        assertThat(gateErrors(withDbt)).isEmpty();
        assertThat(gateErrors(withoutDbt))
                .containsExactly("wiki references target missing page(s): "
                        + "onboarding-playbook -> activation-policy-change-jan-2026, "
                        + "segment-review-process -> account-segmentation-rules");
    }

    private static List<String> gateErrors(InMemoryRepoTree main) throws Exception {
        NotionConnection docs = NotionFixture.snapshot(NotionAdapterTest.DEMO_PROJECT.resolve("snapshots/notion"));
        InMemoryRepoTree session = AdapterHarness.run(
                        new NotionAdapter(), AdapterHarness.context(docs, NotionAdapterTest.DEMO_PROJECT), main)
                .applyTo(main);
        GateInput input = GateInput.of(main, session, TreeDiff.between(main, session), Set.of());
        return new FinalGates()
                .check(input)
                .plus(new ProvenanceGate().check(input))
                .errors();
    }
}
