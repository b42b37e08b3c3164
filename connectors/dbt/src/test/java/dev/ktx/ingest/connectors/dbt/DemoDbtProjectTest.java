package dev.ktx.ingest.connectors.dbt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.ktx.ingest.core.gate.FinalGates;
import dev.ktx.ingest.core.gate.GateInput;
import dev.ktx.ingest.core.gate.GateReport;
import dev.ktx.ingest.core.gate.ProvenanceGate;
import dev.ktx.ingest.core.git.Changeset;
import dev.ktx.ingest.core.git.LocalContextRepository;
import dev.ktx.ingest.core.git.SessionId;
import dev.ktx.ingest.core.lock.InProcessProjectLock;
import dev.ktx.ingest.core.repo.ProvenanceCodec;
import dev.ktx.ingest.core.repo.ProvenanceRow;
import dev.ktx.ingest.core.repo.RepoTree;
import dev.ktx.ingest.core.source.SourceRun;
import dev.ktx.ingest.core.source.SourceRunResult;
import dev.ktx.ingest.core.window.ReconciliationRefresh;
import dev.ktx.ingest.core.window.SessionGates;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo project {@code examples/acme/dbt} through a whole source run against the demo warehouse's manifest. */
class DemoDbtProjectTest {

    private static final Path DEMO = Path.of("..", "..", "examples", "acme", "dbt");
    /** The tables of the demo warehouse's {@code public} schema, with their columns. */
    private static final String WAREHOUSE_SHARD = """
            tables:
              accounts:
                table: acme.public.accounts
                columns:
                  - {name: account_id, type: bigint}
                  - {name: name, type: text}
              events:
                table: acme.public.events
                columns:
                  - {name: event_id, type: bigint}
                  - {name: account_id, type: bigint}
              mart_account_segments:
                table: acme.public.mart_account_segments
                columns:
                  - {name: account_id, type: bigint}
                  - {name: segment, type: text}
              plans:
                table: acme.public.plans
                columns:
                  - {name: plan_id, type: bigint}
                  - {name: name, type: text}
                  - {name: monthly_price, type: numeric}
              subscriptions:
                table: acme.public.subscriptions
                columns:
                  - {name: subscription_id, type: bigint}
                  - {name: account_id, type: bigint}
                  - {name: plan_id, type: bigint}
                  - {name: status, type: text}
                  - {name: started_at, type: timestamptz}
                  - {name: ended_at, type: timestamptz}
                  - {name: mrr, type: numeric}
            """;

    @TempDir
    Path dir;

    @Test
    void theDemoProjectYieldsTwoOverlaysTwoPagesAndOneHardStopThatPassTheFinalGates() throws Exception {
        try (LocalContextRepository repo = LocalContextRepository.initBare(
                dir.resolve("acme.git"),
                Changeset.builder()
                        .write("ktx.yaml", "connections: {}\n")
                        .write("semantic-layer/warehouse/_schema/public.yaml", WAREHOUSE_SHARD)
                        .build(),
                "warehouse ingested")) {
            SessionId session = new SessionId("run-1", DbtFixture.CONN);
            repo.openSession(session);
            Clock clock = Clock.fixed(DbtFixture.SYNC.startedAt(), ZoneOffset.UTC);
            ReconciliationRefresh refresh = new ReconciliationRefresh(
                    repo, new InProcessProjectLock(), event -> {}, clock, Duration.ofSeconds(5));

            SourceRunResult result = new SourceRun(repo, refresh, event -> {}, clock, 2)
                    .run("acme", session, new DbtAdapter(), DbtFixture.context(DEMO), DbtFixture.SYNC.jobId());

            assertThat(result.error()).isEmpty();
            RepoTree tree = repo.tree(result.sessionHead().orElseThrow());
            assertThat(tree.listFiles("semantic-layer/warehouse"))
                    .containsExactly(
                            "semantic-layer/warehouse/plans.yaml", "semantic-layer/warehouse/subscriptions.yaml");
            assertThat(tree.readText("semantic-layer/warehouse/subscriptions.yaml")
                            .orElseThrow())
                    .contains("dbt_tests: 'accepted_values: trialing, active, past_due, canceled; not_null'")
                    .contains("dbt_tests: 'not_null; relationships: accounts.account_id'");
            assertThat(tree.listFiles("wiki/global"))
                    .containsExactly(
                            "wiki/global/account-segmentation-rules.md",
                            "wiki/global/activation-policy-change-jan-2026.md");
            assertThat(tree.readText("wiki/global/activation-policy-change-jan-2026.md")
                            .orElseThrow())
                    .startsWith("---\nsummary: Since 1 January 2026 an account counts as activated only once")
                    .contains("[[account-segmentation-rules]]");
            assertThat(ProvenanceCodec.parse(tree.readText("provenance/analytics_dbt/dbt/" + DbtFixture.SYNC + ".jsonl")
                            .orElseThrow()))
                    .extracting(ProvenanceRow::artifactKey, ProvenanceRow::action, ProvenanceRow::reason)
                    .containsExactly(
                            tuple("account-segmentation-rules", ProvenanceRow.Action.WIKI_WRITTEN, null),
                            tuple("activation-policy-change-jan-2026", ProvenanceRow.Action.WIKI_WRITTEN, null),
                            tuple("warehouse/plans", ProvenanceRow.Action.SOURCE_CREATED, null),
                            tuple(
                                    "warehouse/stg_legacy_invoices",
                                    ProvenanceRow.Action.UNMAPPED,
                                    ProvenanceRow.MISSING_TARGET_TABLE),
                            tuple("warehouse/subscriptions", ProvenanceRow.Action.SOURCE_CREATED, null));

            String main = repo.mainHead().orElseThrow();
            GateReport gates = SessionGates.of(new FinalGates(), new ProvenanceGate())
                    .check(GateInput.of(
                            repo.tree(main),
                            tree,
                            repo.diff(main, result.sessionHead().orElseThrow()),
                            Set.of("warehouse")));
            assertThat(gates.errors()).isEmpty();
        }
    }
}
