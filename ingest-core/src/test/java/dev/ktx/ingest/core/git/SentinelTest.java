package dev.ktx.ingest.core.git;

import static dev.ktx.ingest.core.git.TestRepo.writes;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SentinelTest {

    private static final SessionId DBT = new SessionId("run-1", "dbt");
    private static final SessionId NOTION = new SessionId("run-1", "notion");
    private static final SessionId OLD_RUN = new SessionId("run-0", "dbt");

    @TempDir
    Path dir;

    TestRepo repo;

    @BeforeEach
    void setUp() throws Exception {
        repo = TestRepo.create(dir, TestRepo.Layout.BARE);
    }

    @AfterEach
    void tearDown() {
        repo.close();
    }

    @Test
    void sentinelNextToASessionKeepsItsTreeAndRoundTrips() throws Exception {
        String base = repo.context.openSession(DBT);
        String head = repo.context.commit(DBT, writes("wiki/global/a.md", "a"), "a");
        Sentinel sentinel = new Sentinel(
                Sentinel.Outcome.conflict,
                Instant.parse("2026-01-02T03:04:05.678Z"),
                base,
                List.of("wiki/global/a.md", "ktx.yaml"),
                "source refresh conflict before final_squash: ktx.yaml");

        repo.context.writeSentinel(DBT, sentinel);

        assertThat(repo.context.sentinel(DBT)).contains(sentinel);
        RevCommit commit = repo.commit(repo.refs().get(DBT.sentinelRef()));
        assertThat(commit.getParents()).extracting(RevCommit::name).containsExactly(head);
        assertThat(commit.getTree()).isEqualTo(repo.commit(head).getTree());
        assertThat(repo.context.sessionHead(DBT)).contains(head);
    }

    @Test
    void aRunRecordIsKeptUntilTheRunIsForgottenAndABadRunIdNamesNoRef() throws Exception {
        repo.context.recordRun("run-1", "{\"runId\":\"run-1\"}");

        assertThat(repo.context.recordedRun("run-1").map(String::strip)).contains("{\"runId\":\"run-1\"}");
        assertThat(repo.commit(repo.refs().get("refs/ktx/runs/run-1")).getTree())
                .isEqualTo(repo.commit(repo.context.mainHead().orElseThrow()).getTree());
        assertThat(repo.context.recordedRun("run-2")).isEmpty();
        assertThat(repo.context.recordedRun("../heads/main")).isEmpty();

        repo.context.forgetRun("run-1");
        repo.context.forgetRun("run-1");
        assertThat(repo.context.recordedRun("run-1")).isEmpty();
    }

    @Test
    void findSquashOnlyLooks() {
        assertThat(repo.context.findSquash(DBT))
                .as("no session, no squash: nothing, and no error")
                .isEmpty();
    }

    @Test
    void sentinelWithoutASessionHasMainsTreeAndNoParent() throws Exception {
        Sentinel sentinel = new Sentinel(Sentinel.Outcome.crash, Instant.now(), null, List.of(), "boom");

        repo.context.writeSentinel(DBT, sentinel);

        RevCommit commit = repo.commit(repo.refs().get(DBT.sentinelRef()));
        assertThat(commit.getParentCount()).isZero();
        assertThat(commit.getTree()).isEqualTo(repo.commit(repo.mainHead()).getTree());
        assertThat(repo.context.sentinel(DBT)).contains(sentinel);
    }

    @Test
    void writingAgainReplacesTheSentinel() {
        repo.context.openSession(DBT);
        Sentinel first = new Sentinel(Sentinel.Outcome.crash, Instant.now(), null, List.of(), "first");
        Sentinel second = new Sentinel(Sentinel.Outcome.gate_failed, Instant.now(), null, List.of(), "second");

        repo.context.writeSentinel(DBT, first);
        repo.context.writeSentinel(DBT, second);

        assertThat(repo.context.sentinel(DBT)).contains(second);
    }

    @Test
    void sessionsAndSentinelsAreListedAndDeletedTogether() {
        repo.context.openSession(DBT);
        repo.context.openSession(NOTION);
        repo.context.writeSentinel(NOTION, new Sentinel(Sentinel.Outcome.crash, Instant.now(), null, List.of(), "x"));

        assertThat(repo.context.sessions()).containsExactly(DBT, NOTION);
        assertThat(repo.context.sentinels()).containsExactly(NOTION);

        repo.context.deleteSession(NOTION);

        assertThat(repo.context.sessions()).containsExactly(DBT);
        assertThat(repo.context.sentinels()).isEmpty();
        assertThat(repo.context.sentinel(NOTION)).isEmpty();
    }

    @Test
    void gcRemovesOnlySentinelsOlderThanTheCutoffWithTheirSessions() {
        Instant now = Instant.parse("2026-03-01T12:00:00Z");
        for (SessionId id : List.of(OLD_RUN, DBT, NOTION)) {
            repo.context.openSession(id);
        }
        repo.context.writeSentinel(OLD_RUN, failedAt(now.minus(Duration.ofDays(8))));
        repo.context.writeSentinel(DBT, failedAt(now.minus(Duration.ofHours(1))));

        List<SessionId> removed = repo.context.gcSentinels(now.minus(Duration.ofDays(7)));

        assertThat(removed).containsExactly(OLD_RUN);
        assertThat(repo.context.sentinels()).containsExactly(DBT);
        assertThat(repo.context.sessions()).containsExactly(DBT, NOTION);
    }

    @Test
    void gcSkipsRefsThatAreNotSentinels() throws Exception {
        repo.context.openSession(DBT);
        repo.setRef(DBT.sentinelRef(), repo.mainHead());

        assertThat(repo.context.gcSentinels(Instant.now())).isEmpty();
        assertThat(repo.context.sentinels()).containsExactly(DBT);
        assertThat(repo.context.sessions()).containsExactly(DBT);
    }

    @Test
    void sessionsWithoutASentinelFromRunsStartedBeforeTheCutoffAreOrphans() {
        SessionId orphan = new SessionId("20260301100000-ab12cd34", "dbt");
        SessionId running = new SessionId("20260301115000-ef56ab78", "dbt");
        SessionId failed = new SessionId("20260301100000-ab12cd34", "notion");
        SessionId noTimestamp = new SessionId("run-1", "dbt");
        for (SessionId id : List.of(orphan, running, failed, noTimestamp)) {
            repo.context.openSession(id);
        }
        repo.context.writeSentinel(failed, failedAt(Instant.parse("2026-03-01T10:05:00Z")));
        Instant cutoff = Instant.parse("2026-03-01T11:00:00Z");

        assertThat(repo.context.orphans(cutoff)).containsExactly(orphan);
        assertThat(repo.context.gcOrphans(cutoff)).containsExactly(orphan);

        assertThat(repo.context.sessions()).containsExactlyInAnyOrder(running, failed, noTimestamp);
        assertThat(repo.context.sentinels()).containsExactly(failed);
    }

    @Test
    void theRunStartComesFromThePlannersRunIdPrefix() {
        assertThat(new SessionId("20260301100000-ab12cd34", "dbt").runStartedAt())
                .contains(Instant.parse("2026-03-01T10:00:00Z"));
        assertThat(new SessionId("run-1", "dbt").runStartedAt()).isEmpty();
        assertThat(new SessionId("20261399000000-x", "dbt").runStartedAt())
                .as("not a date")
                .isEmpty();
    }

    private static Sentinel failedAt(Instant at) {
        return new Sentinel(Sentinel.Outcome.gate_failed, at, null, List.of(), "final artifact gates failed:");
    }
}
