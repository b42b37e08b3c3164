package dev.ktx.ingest.core.source;

import static dev.ktx.ingest.core.repo.ProvenanceRow.Action.SOURCE_CREATED;
import static dev.ktx.ingest.core.repo.ProvenanceRow.Action.UNMAPPED;
import static dev.ktx.ingest.core.repo.ProvenanceRow.Action.WIKI_WRITTEN;
import static dev.ktx.ingest.core.repo.ProvenanceRow.ArtifactKind.SL;
import static dev.ktx.ingest.core.repo.ProvenanceRow.ArtifactKind.WIKI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.ktx.ingest.core.config.DbtConnection;
import dev.ktx.ingest.core.config.DbtProject;
import dev.ktx.ingest.core.config.IngestSettings;
import dev.ktx.ingest.core.config.KtxConfig;
import dev.ktx.ingest.core.git.Changeset;
import dev.ktx.ingest.core.git.LocalContextRepository;
import dev.ktx.ingest.core.git.Sentinel;
import dev.ktx.ingest.core.git.SessionId;
import dev.ktx.ingest.core.lock.InProcessProjectLock;
import dev.ktx.ingest.core.repo.ProvenanceCodec;
import dev.ktx.ingest.core.repo.ProvenanceRow;
import dev.ktx.ingest.core.repo.RepoTree;
import dev.ktx.ingest.core.repo.SyncId;
import dev.ktx.ingest.core.trace.TraceEvent;
import dev.ktx.ingest.core.trace.TraceEvents;
import dev.ktx.ingest.core.window.ReconciliationRefresh;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceRunTest {

    private static final String CONN = "src";
    private static final Instant FIRST = Instant.parse("2026-01-15T10:00:00Z");
    private static final Instant SECOND = Instant.parse("2026-01-16T10:00:00Z");
    private static final SourceContext CONTEXT = context();

    @TempDir
    Path dir;

    private final List<TraceEvent> trace = new CopyOnWriteArrayList<>();
    private LocalContextRepository repo;
    private String initialMain;

    @BeforeEach
    void createRepo() {
        repo = SourceRepo.create(dir.resolve("context.git"), "accounts", "plans");
        initialMain = repo.mainHead().orElseThrow();
    }

    @AfterEach
    void closeRepo() {
        repo.close();
    }

    @Test
    void stagesRawFilesAndCommitsArtifactsWithProvenanceInUnitOrder() throws Exception {
        FakeAdapter adapter = new FakeAdapter()
                .raw("pages/b.json", "{\"b\":1}")
                .raw("models.json", "{}")
                .page("b-unit", "beta", "pages/b.json")
                .unit(
                        "a-unit",
                        (snapshot, base) -> UnitOutput.builder()
                                .write("semantic-layer/warehouse/accounts.yaml", "descriptions:\n  fake: Accounts\n")
                                .provenance(FakeAdapter.row(
                                        snapshot, "models.json", SL, "warehouse/accounts", SOURCE_CREATED))
                                .build());
        SessionId session = openSession("run-1");

        SourceRunResult result = sourceRun(FIRST, 1).run("acme", session, adapter, CONTEXT, "job-1");

        assertThat(result.status()).isEqualTo(SourceRunResult.Status.READY);
        assertThat(result.syncId()).isEqualTo(new SyncId(FIRST, "job-1"));
        assertThat(result.sessionHead()).isEqualTo(repo.sessionHead(session));
        assertThat(result.counts()).isEqualTo(new SourceRunResult.Counts(2, 2, 2, 0, 2, 0));
        RepoTree tree = repo.tree(result.sessionHead().orElseThrow());
        String raw = "raw-sources/src/fake/2026-01-15-100000-job-1/";
        assertThat(tree.readText(raw + "pages/b.json")).contains("{\"b\":1}");
        assertThat(tree.readText(raw + "models.json")).contains("{}");
        assertThat(tree.readText("wiki/global/beta.md")).isPresent();
        assertThat(tree.readText("semantic-layer/warehouse/accounts.yaml"))
                .contains("descriptions:\n  fake: Accounts\n");
        assertThat(provenance(tree, "2026-01-15-100000-job-1"))
                .extracting(ProvenanceRow::artifactKey)
                .containsExactly("warehouse/accounts", "beta");
        assertThat(repo.mainHead()).contains(initialMain);
        assertThat(trace).extracting(TraceEvent::event).containsExactly(TraceEvents.SESSION_REFRESHED_FROM_ROOT);
    }

    @Test
    void unchangedInputEndsWithoutACommit() throws Exception {
        landFirstSync(new FakeAdapter().raw("a.json", "1").raw("b/c.json", "2").page("u", "alpha", "a.json"));
        SessionId again = openSession("run-2");
        String base = repo.sessionHead(again).orElseThrow();

        SourceRunResult result = sourceRun(SECOND, 1)
                .run(
                        "acme",
                        again,
                        new FakeAdapter()
                                .raw("b/c.json", "2")
                                .raw("a.json", "1")
                                .page("u", "alpha", "a.json"),
                        CONTEXT,
                        "job-2");

        assertThat(result.status()).isEqualTo(SourceRunResult.Status.UNCHANGED);
        assertThat(result.sessionHead()).isEmpty();
        assertThat(repo.sessionHead(again)).contains(base);
    }

    @Test
    void changedBytesOrAnExtraFileAreNotUnchanged() throws Exception {
        landFirstSync(new FakeAdapter().raw("a.json", "1").page("u", "alpha", "a.json"));

        SourceRunResult changed = sourceRun(SECOND, 1)
                .run(
                        "acme",
                        openSession("run-2"),
                        new FakeAdapter().raw("a.json", "2").page("u", "alpha", "a.json"),
                        CONTEXT,
                        "job-2");
        SourceRunResult extra = sourceRun(SECOND, 1)
                .run(
                        "acme",
                        openSession("run-3"),
                        new FakeAdapter().raw("a.json", "1").raw("z.json", "1").page("u", "alpha", "a.json"),
                        CONTEXT,
                        "job-3");

        assertThat(changed.status()).isEqualTo(SourceRunResult.Status.READY);
        assertThat(extra.status()).isEqualTo(SourceRunResult.Status.READY);
    }

    @Test
    void unitsRunInParallelAndIntegrateInIdOrderWhateverFinishesFirst() throws Exception {
        CountDownLatch bothRunning = new CountDownLatch(2);
        CountDownLatch secondDone = new CountDownLatch(1);
        FakeAdapter adapter = new FakeAdapter()
                .raw("a.json", "1")
                .raw("b.json", "2")
                .unit("1-first", (snapshot, base) -> {
                    meetAt(bothRunning);
                    await(secondDone);
                    return pageOutput(snapshot, "first", "a.json");
                })
                .unit("2-second", (snapshot, base) -> {
                    meetAt(bothRunning);
                    UnitOutput output = pageOutput(snapshot, "second", "b.json");
                    secondDone.countDown();
                    return output;
                });

        SourceRunResult result = sourceRun(FIRST, 2).run("acme", openSession("run-1"), adapter, CONTEXT, "job-1");

        assertThat(result.error()).isEmpty();
        assertThat(provenance(repo.tree(result.sessionHead().orElseThrow()), "2026-01-15-100000-job-1"))
                .extracting(ProvenanceRow::artifactKey)
                .containsExactly("first", "second");
    }

    @Test
    void twoUnitsWritingOnePathFailTheRunNamingBoth() throws Exception {
        FakeAdapter adapter =
                new FakeAdapter().raw("a.json", "1").page("b", "same", "a.json").page("a", "same", "a.json");
        SessionId session = openSession("run-1");
        String base = repo.sessionHead(session).orElseThrow();

        SourceRunResult result = sourceRun(FIRST, 2).run("acme", session, adapter, CONTEXT, "job-1");

        assertThat(result.status()).isEqualTo(SourceRunResult.Status.FAILED);
        assertThat(result.error())
                .contains("integration failed for connection src: work units a and b both write wiki/global/same.md");
        assertThat(repo.sessionHead(session)).contains(base);
        assertThat(repo.sentinel(session)).get().extracting(Sentinel::outcome).isEqualTo(Sentinel.Outcome.crash);
        assertThat(repo.mainHead()).contains(initialMain);
    }

    @Test
    void aFailingFetchFailsTheRunNamingTheConnectionAndLeavesMainAlone() throws Exception {
        SessionId session = openSession("run-1");

        SourceRunResult result = sourceRun(FIRST, 1)
                .run(
                        "acme",
                        session,
                        new FakeAdapter().failingFetch(new IllegalArgumentException("snapshot dir /x is missing")),
                        CONTEXT,
                        "job-1");

        assertThat(result.error()).contains("fetch failed for connection src: snapshot dir /x is missing");
        assertThat(repo.sentinel(session))
                .get()
                .extracting(Sentinel::error)
                .isEqualTo(result.error().orElseThrow());
        assertThat(repo.mainHead()).contains(initialMain);
        assertThat(trace)
                .extracting(TraceEvent::event, TraceEvent::error)
                .containsExactly(
                        tuple(TraceEvents.SESSION_FAILED, result.error().orElseThrow()));
    }

    @Test
    void aTransientFailureIsThrownForTheJobToRunAgainAndLeavesNoSentinel() throws Exception {
        SessionId session = openSession("run-1");

        assertThatThrownBy(() -> sourceRun(FIRST, 1)
                        .run(
                                "acme",
                                session,
                                new FakeAdapter().failingFetch(new IOException("connection reset")),
                                CONTEXT,
                                "job-1"))
                .isInstanceOf(SourceRun.TransientPhaseFailure.class)
                .hasMessage("fetch failed: connection reset");
        assertThat(repo.sentinel(session)).isEmpty();
        assertThat(repo.mainHead()).contains(initialMain);
    }

    @Test
    void staleArtifactsAreDeletedOnlyByAnAuthoritativeSnapshot() throws Exception {
        landFirstSync(new FakeAdapter()
                .raw("a.json", "1")
                .raw("b.json", "1")
                .page("a", "kept", "a.json")
                .page("b", "gone", "b.json"));

        SourceRunResult partial = sourceRun(SECOND, 1)
                .run(
                        "acme",
                        openSession("run-2"),
                        new FakeAdapter()
                                .raw("a.json", "2")
                                .page("a", "kept", "a.json")
                                .partial(),
                        CONTEXT,
                        "job-2");
        SourceRunResult complete = sourceRun(SECOND, 1)
                .run(
                        "acme",
                        openSession("run-3"),
                        new FakeAdapter().raw("a.json", "2").page("a", "kept", "a.json"),
                        CONTEXT,
                        "job-3");

        RepoTree afterPartial = repo.tree(partial.sessionHead().orElseThrow());
        assertThat(afterPartial.exists("wiki/global/gone.md")).isTrue();
        assertThat(partial.counts().staleDeleted()).isZero();
        assertThat(partial.partial()).contains("a page limit was reached");
        assertThat(complete.partial()).isEmpty();
        RepoTree afterComplete = repo.tree(complete.sessionHead().orElseThrow());
        assertThat(afterComplete.exists("wiki/global/gone.md")).isFalse();
        assertThat(afterComplete.exists("wiki/global/kept.md")).isTrue();
        assertThat(complete.counts().staleDeleted()).isEqualTo(1);
    }

    @Test
    void reconciliationRemovesAnOverlayWhoseTableLeftTheRefreshedMain() throws Exception {
        FakeAdapter adapter = new FakeAdapter()
                .raw("plans.json", "{}")
                .unit(
                        "overlays",
                        (snapshot, base) -> UnitOutput.builder()
                                .write("semantic-layer/warehouse/plans.yaml", "descriptions:\n  fake: Plans\n")
                                .provenance(
                                        FakeAdapter.row(snapshot, "plans.json", SL, "warehouse/plans", SOURCE_CREATED))
                                .build())
                .unit(
                        "pages",
                        (snapshot, base) -> UnitOutput.builder()
                                .write(
                                        "wiki/global/pricing.md",
                                        "---\nsummary: Pricing\nsl_refs:\n- warehouse/plans.id\n"
                                                + "- accounts\n- plans\n---\n\nSee [[pricing]].\n")
                                .provenance(FakeAdapter.row(snapshot, "plans.json", WIKI, "pricing", WIKI_WRITTEN))
                                .build());
        SessionId session = openSession("run-1");
        SourceRepo.advanceMain(repo, "drop-plans", Map.of(SourceRepo.SHARD, SourceRepo.shard("accounts")));

        SourceRunResult result = sourceRun(FIRST, 2).run("acme", session, adapter, CONTEXT, "job-1");

        assertThat(result.status()).isEqualTo(SourceRunResult.Status.READY);
        assertThat(result.counts().overlaysRemoved()).isEqualTo(1);
        RepoTree tree = repo.tree(result.sessionHead().orElseThrow());
        assertThat(tree.exists("semantic-layer/warehouse/plans.yaml")).isFalse();
        assertThat(tree.readText("wiki/global/pricing.md"))
                .contains("---\nsummary: Pricing\nsl_refs:\n  - accounts\n---\n\nSee [[pricing]].\n");
        assertThat(provenance(tree, "2026-01-15-100000-job-1"))
                .extracting(ProvenanceRow::artifactKey, ProvenanceRow::action, ProvenanceRow::reason)
                .containsExactly(
                        tuple("warehouse/plans", UNMAPPED, ProvenanceRow.MISSING_TARGET_TABLE),
                        tuple("pricing", WIKI_WRITTEN, null));
    }

    @Test
    void aRefreshConflictFailsTheRunWithTheConflictingPathAndASentinel() throws Exception {
        SessionId session = openSession("run-1");
        SourceRepo.advanceMain(
                repo, "edit-page", Map.of("wiki/global/alpha.md", "---\nsummary: Edited on main\n---\n"));

        SourceRunResult result = sourceRun(FIRST, 1)
                .run(
                        "acme",
                        session,
                        new FakeAdapter().raw("a.json", "1").page("u", "alpha", "a.json"),
                        CONTEXT,
                        "job-1");

        assertThat(result.status()).isEqualTo(SourceRunResult.Status.FAILED);
        assertThat(result.error())
                .contains("source refresh conflict before before_reconciliation: "
                        + "wiki/global/alpha.md: created on both sides with different content");
        assertThat(repo.sentinel(session)).get().extracting(Sentinel::outcome).isEqualTo(Sentinel.Outcome.conflict);
    }

    private void landFirstSync(FakeAdapter adapter) throws InterruptedException {
        SessionId first = openSession("run-0");
        SourceRunResult result = sourceRun(FIRST, 1).run("acme", first, adapter, CONTEXT, "job-0");
        assertThat(result.status()).isEqualTo(SourceRunResult.Status.READY);
        SourceRepo.advanceMain(
                repo,
                "first-sync",
                Changeset.builder().writeAll(filesOf(result)).build());
    }

    private Map<String, byte[]> filesOf(SourceRunResult result) {
        RepoTree tree = repo.tree(result.sessionHead().orElseThrow());
        Map<String, byte[]> files = new TreeMap<>();
        for (String top : List.of("wiki", "semantic-layer", "raw-sources", "provenance")) {
            tree.listFilesRecursive(top)
                    .forEach(path -> files.put(path, tree.read(path).orElseThrow()));
        }
        return files;
    }

    private SessionId openSession(String runId) {
        SessionId session = new SessionId(runId, CONN);
        repo.openSession(session);
        return session;
    }

    private SourceRun sourceRun(Instant at, int concurrency) {
        Clock clock = Clock.fixed(at, ZoneOffset.UTC);
        ReconciliationRefresh refresh =
                new ReconciliationRefresh(repo, new InProcessProjectLock(), trace::add, clock, Duration.ofSeconds(5));
        return new SourceRun(repo, refresh, trace::add, clock, concurrency);
    }

    private static List<ProvenanceRow> provenance(RepoTree tree, String syncId) {
        return ProvenanceCodec.parse(
                tree.readText("provenance/src/fake/" + syncId + ".jsonl").orElseThrow());
    }

    private static UnitOutput pageOutput(StagedSnapshot snapshot, String key, String rawPath) {
        return UnitOutput.builder()
                .write("wiki/global/" + key + ".md", "---\nsummary: " + key + "\n---\n")
                .provenance(FakeAdapter.row(snapshot, rawPath, WIKI, key, WIKI_WRITTEN))
                .build();
    }

    /** Arrives at the latch and waits for the other party: only possible when both units run at once. */
    private static void meetAt(CountDownLatch latch) {
        latch.countDown();
        await(latch);
    }

    /** Fails the unit instead of hanging when the latch is never released (e.g. units run one at a time). */
    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("latch not released: units did not run concurrently");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static SourceContext context() {
        DbtConnection connection = new DbtConnection(CONN, new DbtProject.LocalDir(Path.of("dbt")), "warehouse");
        KtxConfig config = new KtxConfig(new TreeMap<>(Map.of(CONN, connection)), IngestSettings.DEFAULTS);
        return new SourceContext("run-1", connection, config, Path.of("."), name -> null);
    }
}
