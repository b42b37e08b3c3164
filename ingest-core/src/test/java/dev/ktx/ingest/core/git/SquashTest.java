package dev.ktx.ingest.core.git;

import static dev.ktx.ingest.core.git.TestRepo.writes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SquashTest {

    private static final SessionId SESSION = new SessionId("run-7", "notion");
    private static final SquashMetadata METADATA = new SquashMetadata("ktx: ingest notion", OptionalLong.of(42));

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestRepo.Layout.class)
    void squashPutsTheSessionTreeOnMainWithTrailers(TestRepo.Layout layout) throws Exception {
        try (TestRepo repo = TestRepo.create(dir, layout)) {
            String expectedMain = repo.context.openSession(SESSION);
            String sessionHead = repo.context.commit(SESSION, writes("wiki/global/a.md", "a"), "first");
            sessionHead = repo.context.commit(SESSION, writes("wiki/global/b.md", "b"), "second");
            repo.context.writeSentinel(
                    SESSION,
                    new Sentinel(
                            Sentinel.Outcome.crash, Instant.now(), expectedMain, List.of(), "earlier attempt crashed"));

            SquashResult result = repo.context.squash(SESSION, expectedMain, METADATA);

            assertThat(result.status()).isEqualTo(SquashResult.Status.MERGED);
            String squash = result.commitId().orElseThrow();
            assertThat(repo.mainHead()).isEqualTo(squash);
            RevCommit commit = repo.commit(squash);
            assertThat(commit.getFullMessage()).isEqualTo("""
                    ktx: ingest notion

                    Ktx-Run: run-7
                    Ktx-Session: run-7/notion
                    Ktx-Target: notion
                    Ktx-Lock-Token: 42
                    """);
            assertThat(commit.getFooterLines("Ktx-Session")).containsExactly("run-7/notion");
            assertThat(commit.getParents()).extracting(RevCommit::name).containsExactly(expectedMain);
            assertThat(commit.getTree()).isEqualTo(repo.commit(sessionHead).getTree());
            assertThat(repo.context.sessionHead(SESSION)).isEmpty();
            assertThat(repo.context.sentinel(SESSION)).isEmpty();
            assertThat(repo.refs()).containsOnlyKeys("HEAD", "refs/heads/main");
        }
    }

    @Test
    void lockTokenTrailerIsLeftOutWithoutAToken() throws Exception {
        try (TestRepo repo = TestRepo.create(dir, TestRepo.Layout.BARE)) {
            String main = repo.context.openSession(SESSION);
            repo.context.commit(SESSION, writes("a.md", "a"), "a");

            String squash = repo.context
                    .squash(SESSION, main, new SquashMetadata("subject", OptionalLong.empty()))
                    .commitId()
                    .orElseThrow();

            assertThat(repo.commit(squash).getFullMessage())
                    .isEqualTo("subject\n\nKtx-Run: run-7\nKtx-Session: run-7/notion\nKtx-Target: notion\n");
        }
    }

    @Test
    void losingTheRaceForMainChangesNothingAndRefreshThenSquashWins() throws Exception {
        try (TestRepo repo = TestRepo.create(dir, TestRepo.Layout.BARE)) {
            String expectedMain = repo.context.openSession(SESSION);
            String sessionHead = repo.context.commit(SESSION, writes("wiki/global/mine.md", "mine"), "mine");
            String otherMain = repo.advanceMain(writes("wiki/global/theirs.md", "theirs"));

            SquashResult lost = repo.context.squash(SESSION, expectedMain, METADATA);

            assertThat(lost).isEqualTo(SquashResult.casLost());
            assertThat(repo.mainHead()).isEqualTo(otherMain);
            assertThat(repo.context.sessionHead(SESSION)).contains(sessionHead);

            assertThat(repo.context.refresh(SESSION, otherMain).changed()).isTrue();
            SquashResult won = repo.context.squash(SESSION, otherMain, METADATA);

            assertThat(won.status()).isEqualTo(SquashResult.Status.MERGED);
            assertThat(repo.commit(won.commitId().orElseThrow()).getParents())
                    .extracting(RevCommit::name)
                    .containsExactly(otherMain);
            assertThat(repo.context.tree(repo.mainHead()).listFilesRecursive(""))
                    .containsExactly("ktx.yaml", "wiki/global/mine.md", "wiki/global/theirs.md");
        }
    }

    @Test
    void squashingTheSameSessionAgainIsAlreadyMerged() throws Exception {
        try (TestRepo repo = TestRepo.create(dir, TestRepo.Layout.BARE)) {
            String expectedMain = repo.context.openSession(SESSION);
            repo.context.commit(SESSION, writes("a.md", "a"), "a");
            String squash = repo.context
                    .squash(SESSION, expectedMain, METADATA)
                    .commitId()
                    .orElseThrow();
            repo.advanceMain(writes("later.md", "another session's work"));
            String mainBefore = repo.mainHead();

            SquashResult again = repo.context.squash(SESSION, expectedMain, METADATA);

            assertThat(again).isEqualTo(SquashResult.alreadyMerged(squash));
            assertThat(repo.mainHead()).isEqualTo(mainBefore);
        }
    }

    @Test
    void sessionRefLeftBehindByACrashAfterTheSquashIsCleanedUp() throws Exception {
        try (TestRepo repo = TestRepo.create(dir, TestRepo.Layout.BARE)) {
            String expectedMain = repo.context.openSession(SESSION);
            String sessionHead = repo.context.commit(SESSION, writes("a.md", "a"), "a");
            String squash = repo.context
                    .squash(SESSION, expectedMain, METADATA)
                    .commitId()
                    .orElseThrow();
            repo.setRef(SESSION.sessionRef(), sessionHead);

            SquashResult again = repo.context.squash(SESSION, squash, METADATA);

            assertThat(again).isEqualTo(SquashResult.alreadyMerged(squash));
            assertThat(repo.mainHead()).isEqualTo(squash);
            assertThat(repo.context.sessions()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestRepo.Layout.class)
    void redeliveredFinalizeAfterACrashRefreshesToNothingAndDoesNotSquashAgain(TestRepo.Layout layout)
            throws Exception {
        try (TestRepo repo = TestRepo.create(dir, layout)) {
            String expectedMain = repo.context.openSession(SESSION);
            String sessionHead = repo.context.commit(SESSION, writes("a.md", "a"), "a");
            String squash = repo.context
                    .squash(SESSION, expectedMain, METADATA)
                    .commitId()
                    .orElseThrow();
            repo.setRef(SESSION.sessionRef(), sessionHead);
            String latestMain = repo.advanceMain(writes("b.md", "another session's work"));

            RefreshResult refresh = repo.context.refresh(SESSION, latestMain);
            SquashResult again = repo.context.squash(SESSION, latestMain, METADATA);

            assertThat(refresh).isEqualTo(RefreshResult.noop(sessionHead, latestMain));
            assertThat(again).isEqualTo(SquashResult.alreadyMerged(squash));
            assertThat(repo.mainHead()).isEqualTo(latestMain);
            assertThat(repo.context.sessions()).isEmpty();
        }
    }

    @Test
    void squashOfASessionThatWasNotRefreshedFails() throws Exception {
        try (TestRepo repo = TestRepo.create(dir, TestRepo.Layout.BARE)) {
            repo.context.openSession(SESSION);
            String sessionHead = repo.context.commit(SESSION, writes("a.md", "a"), "a");
            String newMain = repo.advanceMain(writes("b.md", "b"));

            assertThatThrownBy(() -> repo.context.squash(SESSION, newMain, METADATA))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("does not contain refs/heads/main " + newMain)
                    .hasMessageContaining("refresh");
            assertThat(repo.mainHead()).isEqualTo(newMain);
            assertThat(repo.context.sessionHead(SESSION)).contains(sessionHead);
        }
    }

    @Test
    void squashOfAnUnknownSessionFails() throws Exception {
        try (TestRepo repo = TestRepo.create(dir, TestRepo.Layout.BARE)) {
            assertThatThrownBy(() -> repo.context.squash(SESSION, repo.mainHead(), METADATA))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no ref " + SESSION.sessionRef());
        }
    }

    @Test
    void staleMainLockIsReportedAndNeverRemoved() throws Exception {
        try (TestRepo repo = TestRepo.create(dir, TestRepo.Layout.BARE)) {
            String expectedMain = repo.context.openSession(SESSION);
            String sessionHead = repo.context.commit(SESSION, writes("a.md", "a"), "a");
            Path lock = Files.writeString(repo.gitDir.resolve("refs/heads/main.lock"), "");

            assertThatThrownBy(() -> repo.context.squash(SESSION, expectedMain, METADATA))
                    .isInstanceOf(StaleLockFileException.class)
                    .hasMessageContaining(lock.toString())
                    .hasMessageContaining("delete")
                    .satisfies(e ->
                            assertThat(((StaleLockFileException) e).lockFile()).isEqualTo(lock));
            assertThat(lock).exists();
            assertThat(repo.mainHead()).isEqualTo(expectedMain);
            assertThat(repo.context.sessionHead(SESSION)).contains(sessionHead);

            Files.delete(lock);
            assertThat(repo.context.squash(SESSION, expectedMain, METADATA).status())
                    .isEqualTo(SquashResult.Status.MERGED);
        }
    }
}
