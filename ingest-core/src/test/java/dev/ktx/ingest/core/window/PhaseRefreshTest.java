package dev.ktx.ingest.core.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ktx.ingest.core.git.Changeset;
import dev.ktx.ingest.core.git.LocalContextRepository;
import dev.ktx.ingest.core.git.SessionId;
import dev.ktx.ingest.core.git.SquashMetadata;
import dev.ktx.ingest.core.trace.TargetTracer;
import dev.ktx.ingest.core.trace.TraceEvent;
import dev.ktx.ingest.core.trace.TraceEvents;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhaseRefreshTest {

    private static final String OVERLAY = "semantic-layer/warehouse/orders.yaml";
    private static final SessionId DBT = new SessionId("run-1", "analytics_dbt");
    private static final SessionId METABASE = new SessionId("run-1", "bi");

    @TempDir
    Path dir;

    private LocalContextRepository repo;
    private final RecordingTraceSink trace = new RecordingTraceSink();

    @BeforeEach
    void createRepo() {
        ContextRepos.initBare(dir.resolve("repo.git"), Map.of());
        repo = LocalContextRepository.open(dir.resolve("repo.git"));
    }

    @AfterEach
    void closeRepo() {
        repo.close();
    }

    @Test
    void theTraceListsThePathsMergedByMeaning() {
        PhaseRefresh.Refreshed refreshed = refreshAfterDbtLanded(
                "descriptions:\n  dbt: Orders.\n", "measures:\n  - name: count_orders\n    agg: count\n");

        assertThat(refreshed.failure()).isEmpty();
        assertThat(trace.named(TraceEvents.SESSION_REFRESHED_FROM_ROOT))
                .singleElement()
                .extracting(TraceEvent::data)
                .satisfies(data -> assertThat(data)
                        .containsEntry("result", "changed")
                        .containsEntry("mergedPaths", List.of(OVERLAY)));
    }

    @Test
    void aConflictFailsWithItsKeyPathsWhileTheSentinelKeepsThePlainPaths() {
        PhaseRefresh.Refreshed refreshed = refreshAfterDbtLanded(
                "measures:\n  - name: count_orders\n    agg: count\n",
                "measures:\n  - name: count_orders\n    agg: count_distinct\n    column: id\n");

        assertThat(refreshed.failure().orElseThrow().error())
                .isEqualTo("source refresh conflict before " + "before_final_squash: " + OVERLAY
                        + ": measures[count_orders] changed on both sides");
        assertThat(repo.sentinel(METABASE).orElseThrow().conflictPaths()).containsExactly(OVERLAY);
        assertThat(trace.named(TraceEvents.SESSION_REFRESHED_FROM_ROOT))
                .singleElement()
                .extracting(TraceEvent::data)
                .satisfies(data -> assertThat(data)
                        .containsEntry("result", "conflict")
                        .containsEntry("conflictPaths", List.of(OVERLAY)));
    }

    /**
     * Forks the Metabase session, lands dbt's overlay on main, commits Metabase's overlay and refreshes the Metabase
     * session from the new main head.
     */
    private PhaseRefresh.Refreshed refreshAfterDbtLanded(String dbtOverlay, String metabaseOverlay) {
        repo.openSession(METABASE);
        String base = repo.openSession(DBT);
        repo.commit(DBT, overlay(dbtOverlay), "dbt");
        String main = repo.squash(DBT, base, new SquashMetadata("dbt", OptionalLong.empty()))
                .commitId()
                .orElseThrow();
        repo.commit(METABASE, overlay(metabaseOverlay), "bi");
        return new PhaseRefresh(repo, Clock.systemUTC())
                .refresh(
                        METABASE,
                        main,
                        RefreshPhase.before_final_squash,
                        new TargetTracer(trace, Clock.systemUTC(), METABASE.runId(), METABASE.connectionId()));
    }

    private static Changeset overlay(String content) {
        return Changeset.builder().write(OVERLAY, content).build();
    }
}
