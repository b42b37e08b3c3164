package dev.ktx.ingest.core.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ktx.ingest.core.gate.FinalGates;
import dev.ktx.ingest.core.gate.GateInput;
import dev.ktx.ingest.core.gate.GateReport;
import dev.ktx.ingest.core.gate.ProvenanceGate;
import dev.ktx.ingest.core.git.Changeset;
import dev.ktx.ingest.core.git.LocalContextRepository;
import dev.ktx.ingest.core.git.Sentinel;
import dev.ktx.ingest.core.git.SessionId;
import dev.ktx.ingest.core.git.SquashMetadata;
import dev.ktx.ingest.core.lock.InProcessProjectLock;
import dev.ktx.ingest.core.lock.LockLease;
import dev.ktx.ingest.core.lock.ProjectLock;
import dev.ktx.ingest.core.trace.TraceEvent;
import dev.ktx.ingest.core.trace.TraceEvents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FinalWindowTest {

    private static final FinalWindowSettings SETTINGS = new FinalWindowSettings(Duration.ofSeconds(5), 3);

    @TempDir
    Path dir;

    private LocalContextRepository repo;
    private final InProcessProjectLock lock = new InProcessProjectLock();
    private final RecordingTraceSink trace = new RecordingTraceSink();
    private final SessionGates realGates = SessionGates.of(new FinalGates(), new ProvenanceGate());

    @BeforeEach
    void createRepo() throws Exception {
        ContextRepos.initBare(dir.resolve("repo.git"), ContextRepos.page("home", List.of()));
        repo = LocalContextRepository.open(dir.resolve("repo.git"));
    }

    @AfterEach
    void closeRepo() {
        repo.close();
    }

    @Test
    void pageMergedByAnotherSessionAfterThisOneStartedIsVisibleToItsFinalGates() throws Exception {
        SessionId notion = session("docs");
        SessionId dbt = session("analytics_dbt");
        String oldMain = repo.mainHead().orElseThrow();
        repo.openSession(notion);
        repo.openSession(dbt);
        writePage(notion, "onboarding", List.of("activation-policy-change-jan-2026"));
        writePage(dbt, "activation-policy-change-jan-2026", List.of("home"));

        assertThat(window(realGates).finalizeSession(request(dbt)).status()).isEqualTo(FinalizeOutcome.Status.MERGED);
        String staleBase = repo.sessionHead(notion).orElseThrow();
        GateReport withoutRefresh = realGates.check(
                GateInput.of(repo.tree(oldMain), repo.tree(staleBase), repo.diff(oldMain, staleBase), Set.of()));
        assertThat(withoutRefresh.errors())
                .containsExactly(
                        "wiki references target missing page(s): onboarding -> activation-policy-change-jan-2026");

        FinalizeOutcome outcome = window(realGates).finalizeSession(request(notion));

        assertThat(outcome.status()).isEqualTo(FinalizeOutcome.Status.MERGED);
        assertThat(repo.tree(repo.mainHead().orElseThrow()).listFiles("wiki/global"))
                .containsExactly(
                        "wiki/global/activation-policy-change-jan-2026.md",
                        "wiki/global/home.md",
                        "wiki/global/onboarding.md");
        assertThat(repo.sessions()).isEmpty();
        assertThat(trace.named(TraceEvents.SESSION_REFRESHED_FROM_ROOT))
                .extracting(e -> e.data().get("phase") + ":" + e.data().get("result"))
                .containsExactly("before_final_squash:noop", "before_final_squash:changed");
    }

    @Test
    void refreshConflictFailsLeavingTheSessionAtItsHeadPlusASentinel() throws Exception {
        SessionId notion = session("docs");
        SessionId dbt = session("analytics_dbt");
        repo.openSession(notion);
        repo.openSession(dbt);
        writePage(notion, "glossary", List.of());
        writePage(dbt, "glossary", List.of("home"));
        window(realGates).finalizeSession(request(dbt));
        String mainAfterDbt = repo.mainHead().orElseThrow();
        String notionHead = repo.sessionHead(notion).orElseThrow();

        FinalizeOutcome outcome = window(realGates).finalizeSession(request(notion));

        assertThat(outcome.status()).isEqualTo(FinalizeOutcome.Status.FAILED);
        assertThat(outcome.failure().orElseThrow().error())
                .isEqualTo("source refresh conflict before before_final_squash: "
                        + "wiki/global/glossary.md: created on both sides with different content");
        assertThat(repo.sessionHead(notion)).contains(notionHead);
        assertThat(repo.mainHead()).contains(mainAfterDbt);
        Sentinel sentinel = repo.sentinel(notion).orElseThrow();
        assertThat(sentinel.outcome()).isEqualTo(Sentinel.Outcome.conflict);
        assertThat(sentinel.conflictPaths()).containsExactly("wiki/global/glossary.md");
        assertThat(sentinel.baseSha()).isEqualTo(mainAfterDbt);
        assertThat(trace.named(TraceEvents.SESSION_REFRESHED_FROM_ROOT))
                .last()
                .extracting(e -> e.data().get("result"))
                .isEqualTo("conflict");
        assertThat(trace.named(TraceEvents.SESSION_FAILED))
                .last()
                .extracting(TraceEvent::error)
                .isEqualTo(outcome.failure().get().error());
    }

    @Test
    void sessionMissingAPageThatAnUnfinishedPeerMayLandIsParkedThenLands() throws Exception {
        SessionId notion = session("docs");
        SessionId dbt = session("analytics_dbt");
        repo.openSession(notion);
        repo.openSession(dbt);
        writePage(notion, "onboarding", List.of("activation-policy-change-jan-2026"));
        writePage(dbt, "activation-policy-change-jan-2026", List.of("home"));
        String mainBefore = repo.mainHead().orElseThrow();

        FinalizeOutcome early = window(realGates).finalizeSession(awaiting(notion, Set.of("analytics_dbt")));

        assertThat(early.status()).isEqualTo(FinalizeOutcome.Status.PARKED);
        assertThat(early.missing().orElseThrow().errors())
                .containsExactly(
                        "wiki references target missing page(s): onboarding -> activation-policy-change-jan-2026");
        assertThat(repo.mainHead()).contains(mainBefore);
        assertThat(repo.sentinels()).isEmpty();
        assertThat(trace.named(TraceEvents.FINALIZE_PARKED))
                .singleElement()
                .satisfies(e -> assertThat(e.data().get("waitingFor")).isEqualTo(Set.of("analytics_dbt")));

        window(realGates).finalizeSession(awaiting(dbt, Set.of("docs")));
        assertThat(window(realGates).finalizeSession(awaiting(notion, Set.of())).status())
                .isEqualTo(FinalizeOutcome.Status.MERGED);
    }

    @Test
    void sessionsReferringToEachOtherLandTogetherEachAsItsOwnSquashInOrder() throws Exception {
        SessionId dbt = session("analytics_dbt");
        SessionId notion = session("docs");
        repo.openSession(dbt);
        repo.openSession(notion);
        writePage(dbt, "revenue", List.of("onboarding"));
        writePage(notion, "onboarding", List.of("revenue"));
        assertThat(window(realGates)
                        .finalizeSession(awaiting(notion, Set.of("analytics_dbt")))
                        .status())
                .isEqualTo(FinalizeOutcome.Status.PARKED);
        String mainBefore = repo.mainHead().orElseThrow();

        List<FinalizeOutcome> outcomes = window(realGates).finalizeSessions(List.of(request(dbt), request(notion)));

        assertThat(outcomes)
                .extracting(FinalizeOutcome::status)
                .containsExactly(FinalizeOutcome.Status.MERGED, FinalizeOutcome.Status.MERGED);
        String dbtSquash = outcomes.get(0).commitId().orElseThrow();
        String notionSquash = outcomes.get(1).commitId().orElseThrow();
        assertThat(repo.mainHead()).contains(notionSquash);
        assertThat(ContextRepos.parentOf(dir.resolve("repo.git"), notionSquash)).isEqualTo(dbtSquash);
        assertThat(ContextRepos.parentOf(dir.resolve("repo.git"), dbtSquash)).isEqualTo(mainBefore);
        assertThat(repo.tree(dbtSquash).exists("wiki/global/onboarding.md"))
                .as("first squash holds only its session")
                .isFalse();
        assertThat(repo.tree(notionSquash).listFiles("wiki/global"))
                .containsExactly("wiki/global/home.md", "wiki/global/onboarding.md", "wiki/global/revenue.md");
        assertThat(repo.sessions()).isEmpty();
        assertThat(trace.named(TraceEvents.FINAL_WINDOW_ENTERED))
                .extracting(TraceEvent::connectionId)
                .containsExactly("docs", "analytics_dbt", "docs");
    }

    @Test
    void inAGroupOnlyTheSessionWithAReferenceNobodyLandsFailsAndTheOthersLand() throws Exception {
        SessionId dbt = session("analytics_dbt");
        SessionId notion = session("docs");
        repo.openSession(dbt);
        repo.openSession(notion);
        writePage(dbt, "revenue", List.of("home"));
        writePage(notion, "onboarding", List.of("revenue", "nowhere"));

        List<FinalizeOutcome> outcomes = window(realGates).finalizeSessions(List.of(request(dbt), request(notion)));

        assertThat(outcomes)
                .extracting(FinalizeOutcome::status)
                .containsExactly(FinalizeOutcome.Status.MERGED, FinalizeOutcome.Status.FAILED);
        assertThat(outcomes.get(1).failure().orElseThrow().error())
                .isEqualTo(GateReport.HEADER + "\nwiki references target missing page(s): onboarding -> nowhere");
        assertThat(repo.mainHead()).contains(outcomes.get(0).commitId().orElseThrow());
        assertThat(repo.sentinel(notion).orElseThrow().outcome()).isEqualTo(Sentinel.Outcome.gate_failed);
    }

    @Test
    void readySessionsLandInTurnInOneHoldEachSeeingOnlyTheOnesBeforeIt() throws Exception {
        SessionId dbt = session("analytics_dbt");
        SessionId notion = session("docs");
        SessionId faq = session("wiki_faq");
        repo.openSession(dbt);
        repo.openSession(notion);
        repo.openSession(faq);
        writePage(dbt, "revenue", List.of("home"));
        writePage(notion, "onboarding", List.of("revenue"));
        writePage(faq, "faq", List.of("glossary"));
        String mainBefore = repo.mainHead().orElseThrow();

        List<FinalizeOutcome> outcomes =
                window(realGates).finalizeInTurn(List.of(request(dbt), request(notion), request(faq)));

        assertThat(outcomes)
                .extracting(FinalizeOutcome::status)
                .containsExactly(
                        FinalizeOutcome.Status.MERGED, FinalizeOutcome.Status.MERGED, FinalizeOutcome.Status.FAILED);
        String dbtSquash = outcomes.get(0).commitId().orElseThrow();
        String notionSquash = outcomes.get(1).commitId().orElseThrow();
        assertThat(repo.mainHead()).contains(notionSquash);
        assertThat(ContextRepos.parentOf(dir.resolve("repo.git"), notionSquash)).isEqualTo(dbtSquash);
        assertThat(ContextRepos.parentOf(dir.resolve("repo.git"), dbtSquash)).isEqualTo(mainBefore);
        assertThat(outcomes.get(2).failure().orElseThrow().error())
                .isEqualTo(GateReport.HEADER + "\nwiki references target missing page(s): faq -> glossary");
        assertThat(repo.sentinel(faq).orElseThrow().outcome()).isEqualTo(Sentinel.Outcome.gate_failed);
        assertThat(repo.sessions()).containsExactly(faq);
        assertThat(trace.named(TraceEvents.FINAL_WINDOW_ENTERED))
                .extracting(e -> e.data().get("sessions"))
                .containsOnly(3);
    }

    @Test
    void aSessionRequestedTwiceInOneHoldLandsOnceAndBothCopiesGetItsOutcome() throws Exception {
        SessionId docs = session("docs");
        repo.openSession(docs);
        writePage(docs, "guide", List.of("home"));
        String mainBefore = repo.mainHead().orElseThrow();

        List<FinalizeOutcome> outcomes =
                window(realGates).finalizeInTurn(List.of(request(docs), awaiting(docs, Set.of("slow_src"))));

        assertThat(outcomes).extracting(FinalizeOutcome::status).containsOnly(FinalizeOutcome.Status.MERGED);
        String squash = outcomes.get(0).commitId().orElseThrow();
        assertThat(outcomes.get(1).commitId()).contains(squash);
        assertThat(repo.mainHead()).contains(squash);
        assertThat(ContextRepos.parentOf(dir.resolve("repo.git"), squash)).isEqualTo(mainBefore);
    }

    @Test
    void inTurnASessionDoesNotSeeTheSessionsAfterIt() throws Exception {
        SessionId dbt = session("analytics_dbt");
        SessionId notion = session("docs");
        repo.openSession(dbt);
        repo.openSession(notion);
        writePage(dbt, "revenue", List.of("onboarding"));
        writePage(notion, "onboarding", List.of("home"));

        List<FinalizeOutcome> inTurn = window(realGates)
                .finalizeInTurn(List.of(awaiting(dbt, Set.of("docs", "glossary_src")), request(notion)));

        assertThat(inTurn)
                .extracting(FinalizeOutcome::status)
                .as("landing alone before docs, analytics_dbt would miss onboarding: it parks, docs still lands")
                .containsExactly(FinalizeOutcome.Status.PARKED, FinalizeOutcome.Status.MERGED);
        assertThat(repo.tree(repo.mainHead().orElseThrow()).exists("wiki/global/revenue.md"))
                .isFalse();
        assertThat(repo.sessions()).containsExactly(dbt);
    }

    @Test
    void lockLostBeforeTheSquashWritesNothingAndGivesTheRequestBack() throws Exception {
        SessionId dbt = session("analytics_dbt");
        repo.openSession(dbt);
        writePage(dbt, "metrics", List.of("home"));
        String mainBefore = repo.mainHead().orElseThrow();
        ProjectLock expiring = (projectId, maxWait) -> Optional.of(LockLease.of(7, () -> false, () -> {}));

        FinalizeOutcome outcome = new FinalWindow(repo, expiring, realGates, trace, Clock.systemUTC(), SETTINGS)
                .finalizeSession(request(dbt));

        assertThat(outcome.status()).isEqualTo(FinalizeOutcome.Status.LOCK_LOST);
        assertThat(outcome.retry()).isTrue();
        assertThat(repo.mainHead()).contains(mainBefore);
        assertThat(repo.sessionHead(dbt)).isPresent();
        assertThat(repo.sentinels()).isEmpty();
        assertThat(trace.names()).contains(TraceEvents.FINAL_WINDOW_LOCK_LOST);
    }

    @Test
    void aHolderThatLostItsLockRecordsNoFailure() throws Exception {
        SessionId notion = session("docs");
        repo.openSession(notion);
        writePage(notion, "onboarding", List.of("nowhere"));
        ProjectLock lost = (projectId, maxWait) -> Optional.of(LockLease.of(3, () -> false, () -> {}));

        FinalizeOutcome outcome = new FinalWindow(repo, lost, realGates, trace, Clock.systemUTC(), SETTINGS)
                .finalizeSession(request(notion));

        assertThat(outcome.status()).isEqualTo(FinalizeOutcome.Status.LOCK_LOST);
        assertThat(repo.sentinels()).as("a stale holder leaves no sentinel").isEmpty();
    }

    @Test
    void aMainLockFileLeftByAKilledWriterIsRemovedInsideTheWindow() throws Exception {
        SessionId dbt = session("analytics_dbt");
        repo.openSession(dbt);
        writePage(dbt, "metrics", List.of("home"));
        Path mainLock = dir.resolve("repo.git/refs/heads/main.lock");
        Files.writeString(mainLock, repo.mainHead().orElseThrow() + "\n");
        Files.setLastModifiedTime(mainLock, FileTime.from(Instant.now().minus(Duration.ofMinutes(5))));

        assertThat(window(realGates).finalizeSession(request(dbt)).status()).isEqualTo(FinalizeOutcome.Status.MERGED);
        assertThat(mainLock).doesNotExist();
    }

    @Test
    void missingPageWithNoUnfinishedPeerFails() throws Exception {
        SessionId notion = session("docs");
        repo.openSession(notion);
        writePage(notion, "onboarding", List.of("nowhere"));

        FinalizeOutcome outcome = window(realGates).finalizeSession(request(notion));

        assertThat(outcome.status()).isEqualTo(FinalizeOutcome.Status.FAILED);
        assertThat(repo.sentinel(notion).orElseThrow().outcome()).isEqualTo(Sentinel.Outcome.gate_failed);
    }

    @Test
    void successTracesTheWindowInOrder() throws Exception {
        SessionId dbt = session("analytics_dbt");
        repo.openSession(dbt);
        writePage(dbt, "metrics", List.of("home"));

        FinalizeOutcome outcome = window(realGates).finalizeSession(request(dbt));

        assertThat(outcome.status()).isEqualTo(FinalizeOutcome.Status.MERGED);
        assertThat(repo.mainHead()).isEqualTo(outcome.commitId());
        assertThat(trace.names())
                .containsExactly(
                        TraceEvents.FINAL_WINDOW_ENTERED,
                        TraceEvents.SESSION_REFRESHED_FROM_ROOT,
                        TraceEvents.SQUASH_FINISHED,
                        TraceEvents.FINAL_WINDOW_LEFT);
        assertThat(trace.named(TraceEvents.FINAL_WINDOW_LEFT).get(0).durationMs())
                .isNotNull();
    }

    @Test
    void gateFailureLeavesMainUntouchedAndRecordsTheRootCause() throws Exception {
        SessionId dbt = session("analytics_dbt");
        repo.openSession(dbt);
        writePage(dbt, "metrics", List.of("nowhere"));
        String mainBefore = repo.mainHead().orElseThrow();

        FinalizeOutcome outcome = window(realGates).finalizeSession(request(dbt));

        assertThat(outcome.status()).isEqualTo(FinalizeOutcome.Status.FAILED);
        assertThat(outcome.failure().orElseThrow().error())
                .isEqualTo("final artifact gates failed:\nwiki references target missing page(s): metrics -> nowhere");
        assertThat(repo.mainHead()).contains(mainBefore);
        assertThat(repo.sentinel(dbt).orElseThrow().outcome()).isEqualTo(Sentinel.Outcome.gate_failed);
        assertThat(repo.sessionHead(dbt)).isPresent();
        assertThat(trace.names()).contains(TraceEvents.FINAL_ARTIFACT_GATES_FAILED);
    }

    @Test
    void squashThatLosesTheCompareAndSwapRetriesFromTheRefresh() throws Exception {
        SessionId dbt = session("analytics_dbt");
        SessionId intruder = session("intruder");
        repo.openSession(dbt);
        repo.openSession(intruder);
        writePage(dbt, "metrics", List.of("home"));
        writePage(intruder, "elsewhere", List.of());
        AtomicBoolean moved = new AtomicBoolean();
        SessionGates gatesWithConcurrentWriter = input -> {
            if (moved.compareAndSet(false, true)) {
                // a writer that ignores the lock lands between our read of main and our squash
                String main = repo.mainHead().orElseThrow();
                repo.squash(intruder, main, new SquashMetadata("intruder", OptionalLong.empty()));
            }
            return realGates.check(input);
        };

        FinalizeOutcome outcome = window(gatesWithConcurrentWriter).finalizeSession(request(dbt));

        assertThat(outcome.status()).isEqualTo(FinalizeOutcome.Status.MERGED);
        assertThat(trace.names())
                .containsSubsequence(
                        TraceEvents.SQUASH_CAS_LOST,
                        TraceEvents.SESSION_REFRESHED_FROM_ROOT,
                        TraceEvents.SQUASH_FINISHED);
        assertThat(repo.tree(repo.mainHead().orElseThrow()).listFiles("wiki/global"))
                .contains("wiki/global/elsewhere.md", "wiki/global/metrics.md");
    }

    @Test
    void finalizingTheSameSessionTwiceIsANoOp() throws Exception {
        SessionId dbt = session("analytics_dbt");
        repo.openSession(dbt);
        writePage(dbt, "metrics", List.of("home"));
        FinalizeOutcome first = window(realGates).finalizeSession(request(dbt));

        FinalizeOutcome second = window(realGates).finalizeSession(request(dbt));

        assertThat(second.status()).isEqualTo(FinalizeOutcome.Status.ALREADY_MERGED);
        assertThat(second.commitId()).isEqualTo(first.commitId());
        assertThat(repo.mainHead()).isEqualTo(first.commitId());
        assertThat(repo.sentinels()).isEmpty();
    }

    @Test
    void aSessionReCreatedFromMainAfterItLandedIsNotSquashedAgain() throws Exception {
        SessionId dbt = session("analytics_dbt");
        repo.openSession(dbt);
        writePage(dbt, "metrics", List.of("home"));
        String squash =
                window(realGates).finalizeSession(request(dbt)).commitId().orElseThrow();
        repo.openSession(dbt); // a replayed job opens the session again from the new main

        FinalizeOutcome replayed = window(realGates).finalizeSession(request(dbt));

        assertThat(replayed.status()).isEqualTo(FinalizeOutcome.Status.ALREADY_MERGED);
        assertThat(replayed.commitId()).contains(squash);
        assertThat(repo.mainHead()).contains(squash);
    }

    @Test
    void lockHeldByAnotherWindowGivesTheRequestBackUntouched() throws Exception {
        SessionId dbt = session("analytics_dbt");
        repo.openSession(dbt);
        writePage(dbt, "metrics", List.of("home"));
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> {
            try (LockLease ignored =
                    lock.tryAcquire(repo.identity(), Duration.ZERO).orElseThrow()) {
                held.countDown();
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        held.await();
        FinalWindow impatient = new FinalWindow(
                repo, lock, realGates, trace, Clock.systemUTC(), new FinalWindowSettings(Duration.ofMillis(20), 3));

        FinalizeOutcome outcome = impatient.finalizeSession(request(dbt));
        release.countDown();
        holder.get();

        assertThat(outcome.status()).isEqualTo(FinalizeOutcome.Status.LOCK_UNAVAILABLE);
        assertThat(repo.sessionHead(dbt)).isPresent();
        assertThat(repo.sentinels()).isEmpty();
        assertThat(trace.names()).isEmpty();
    }

    @Test
    void reconciliationRefreshMergesTheLatestMainIntoTheSession() throws Exception {
        SessionId notion = session("docs");
        SessionId dbt = session("analytics_dbt");
        repo.openSession(notion);
        repo.openSession(dbt);
        writePage(dbt, "metrics", List.of("home"));
        window(realGates).finalizeSession(request(dbt));
        ReconciliationRefresh refresh =
                new ReconciliationRefresh(repo, lock, trace, Clock.systemUTC(), Duration.ofSeconds(1));

        PhaseRefresh.Refreshed refreshed = refresh.refresh("acme", notion);

        assertThat(refreshed.failure()).isEmpty();
        assertThat(repo.tree(repo.sessionHead(notion).orElseThrow()).exists("wiki/global/metrics.md"))
                .isTrue();
        assertThat(trace.named(TraceEvents.SESSION_REFRESHED_FROM_ROOT))
                .last()
                .extracting(e -> e.phase() + ":" + e.data().get("result"))
                .isEqualTo("before_reconciliation:changed");
    }

    private FinalWindow window(SessionGates gates) {
        return new FinalWindow(repo, lock, gates, trace, Clock.systemUTC(), SETTINGS);
    }

    private static SessionId session(String connectionId) {
        return new SessionId("run-1", connectionId);
    }

    private static FinalizeRequest request(SessionId session) {
        return awaiting(session, Set.of());
    }

    private static FinalizeRequest awaiting(SessionId session, Set<String> peers) {
        return new FinalizeRequest(
                "acme", session, Set.of("warehouse"), "ktx: ingest " + session.connectionId(), peers);
    }

    private void writePage(SessionId session, String key, List<String> refs) {
        repo.commit(
                session,
                Changeset.builder()
                        .write("wiki/global/" + key + ".md", ContextRepos.pageText(key, refs))
                        .build(),
                "write " + key);
    }
}
