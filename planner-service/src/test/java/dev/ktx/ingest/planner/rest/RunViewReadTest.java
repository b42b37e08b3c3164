package dev.ktx.ingest.planner.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ktx.ingest.core.api.RunTrigger;
import dev.ktx.ingest.core.api.RunView;
import dev.ktx.ingest.core.config.Driver;
import dev.ktx.ingest.core.config.IngestSettings;
import dev.ktx.ingest.core.config.KtxConfigLoader;
import dev.ktx.ingest.core.messaging.ProjectRef;
import dev.ktx.ingest.core.plan.Operation;
import dev.ktx.ingest.core.plan.Plan;
import dev.ktx.ingest.core.plan.PlanRequest;
import dev.ktx.ingest.core.plan.Planner;
import dev.ktx.ingest.core.plan.RunDeadlines;
import dev.ktx.ingest.core.plan.StepStatus;
import dev.ktx.ingest.core.plan.TargetResult;
import dev.ktx.ingest.core.plan.TargetResults;
import dev.ktx.ingest.planner.state.RunPlans;
import dev.ktx.ingest.planner.state.RunRecord;
import dev.ktx.ingest.planner.state.RunStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/ingests/{runId}} reads a run that may finish while it is being read: it shows it running, or
 * finished with every result, never finished with a target missing (the CLI would print it {@code not-run}).
 */
class RunViewReadTest {

    private static final Plan PLAN =
            Planner.plan(new KtxConfigLoader().parse("""
                            connections:
                              warehouse: { driver: postgres, url: env:WAREHOUSE_URL }
                              docs: { driver: notion, snapshot_dir: ./notion }
                            """, Path.of("/projects/acme")), PlanRequest.all());

    private static final RunRecord RUN = new RunRecord(
            "r-1",
            new ProjectRef("acme", "/projects/acme"),
            null,
            true,
            "abc",
            1,
            RunDeadlines.of(IngestSettings.DEFAULTS),
            Instant.parse("2026-12-03T10:00:00Z"),
            null,
            RunTrigger.of(RunTrigger.Kind.rest));

    @Test
    void aRunThatFinishesWhileItIsReadIsNeverShownFinishedWithATargetMissing() {
        TargetResult docs = TargetResults.failed("docs", Driver.NOTION, Operation.SOURCE_INGEST, "timed out");
        FinishingStore store = new FinishingStore(
                TargetResults.failed("warehouse", Driver.POSTGRES, Operation.DATABASE_INGEST, "timed out"), docs);

        RunView view = resource(store).run("r-1", null, null, null, null);

        assertThat(view)
                .satisfiesAnyOf(
                        running -> assertThat(running.status()).isEqualTo(RunView.RUNNING),
                        finished -> assertThat(finished.results().targets()).contains(docs));
        RunView later = resource(store).run("r-1", null, null, null, null);
        assertThat(later.status()).isEqualTo(RunView.FINISHED);
        assertThat(later.results().targets())
                .allSatisfy(target -> assertThat(target.steps().get(0).status()).isEqualTo(StepStatus.FAILED));
    }

    private static IngestResource resource(RunStore store) {
        RunPlans plans = new RunPlans(null) {
            @Override
            public Plan of(RunRecord run) {
                return PLAN;
            }
        };
        return new IngestResource(null, plans, store, null, null, null);
    }

    /**
     * A run with one result stored whose last result arrives, and the run finishes, right after the first read of its
     * results: what the stage coordinator may do between two reads of the view.
     */
    private static final class FinishingStore extends RunStore {

        private final List<TargetResult> results = new ArrayList<>();
        private final Set<Flag> flags = EnumSet.noneOf(Flag.class);
        private final TargetResult last;

        FinishingStore(TargetResult first, TargetResult last) {
            super(null);
            results.add(first);
            this.last = last;
        }

        @Override
        public Optional<RunRecord> find(String runId) {
            return Optional.of(RUN);
        }

        @Override
        public List<TargetResult> results(String runId) {
            List<TargetResult> read = List.copyOf(results);
            if (!results.contains(last)) {
                results.add(last);
                flags.add(Flag.finished);
            }
            return read;
        }

        @Override
        public boolean isSet(String runId, Flag flag) {
            return flags.contains(flag);
        }
    }
}
