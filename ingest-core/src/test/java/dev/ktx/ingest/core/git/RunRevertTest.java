package dev.ktx.ingest.core.git;

import static dev.ktx.ingest.core.git.TestRepo.writes;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The revert of a run's squash commits, computed on real repositories (bare, written by JGit, checked by git fsck). */
class RunRevertTest {

    private static final RollbackMetadata METADATA = new RollbackMetadata("rb-1", OptionalLong.of(7));

    @TempDir
    Path dir;

    @Test
    void revertRestoresEveryPathOfTheRunAndKeepsWhatOthersChanged() throws Exception {
        try (TestRepo repo = TestRepo.create(dir, TestRepo.Layout.BARE)) {
            repo.advanceMain(writes(
                    "wiki/global/kept.md",
                    "old kept",
                    "wiki/global/edited.md",
                    "before",
                    "wiki/global/dropped.md",
                    "was here"));
            String preRun = repo.mainHead();
            land(
                    repo,
                    new SessionId("run-1", "docs"),
                    Changeset.builder()
                            .write("wiki/global/edited.md", "by the run")
                            .write("wiki/global/added.md", "new")
                            .delete("wiki/global/dropped.md")
                            .build());
            repo.advanceMain(writes("wiki/global/other.md", "another writer, between the run's squashes"));
            land(
                    repo,
                    new SessionId("run-1", "analytics_dbt"),
                    writes("semantic-layer/warehouse/orders.yaml", "name: orders\n"));
            land(repo, new SessionId("run-2", "docs"), writes("wiki/global/later.md", "a later run"));
            String head = repo.mainHead();

            RunRevert revert = repo.context.revertRun("run-1", head, METADATA, false);

            RunRevert.Written written = (RunRevert.Written) revert;
            assertThat(written.paths())
                    .containsExactly(
                            "semantic-layer/warehouse/orders.yaml",
                            "wiki/global/added.md",
                            "wiki/global/dropped.md",
                            "wiki/global/edited.md");
            assertThat(written.overridden()).isEmpty();
            assertThat(written.squashes()).hasSize(2);
            assertThat(repo.mainHead()).as("nothing moves main").isEqualTo(head);
            assertThat(repo.context.diff(preRun, written.commit()))
                    .extracting(change -> change.path())
                    .as("only what others wrote differs from the pre-run tree")
                    .containsExactly("wiki/global/later.md", "wiki/global/other.md");
            assertThat(repo.context.tree(written.commit()).readText("wiki/global/dropped.md"))
                    .contains("was here");
            RevCommit commit = repo.commit(written.commit());
            assertThat(commit.getParents()).extracting(RevCommit::name).containsExactly(head);
            assertThat(commit.getFullMessage())
                    .isEqualTo("ktx: roll back run run-1\n\nKtx-Rollback: run-1\n"
                            + "Ktx-Rollback-Request: rb-1\nKtx-Reverts: "
                            + written.squashes().get(0) + "\nKtx-Reverts: "
                            + written.squashes().get(1) + "\nKtx-Lock-Token: 7\n");
            assertThat(repo.context.advanceMain(head, written.commit(), List.of()))
                    .isTrue();
            GitCli.Result fsck = GitCli.run(repo.root, "fsck", "--full", "--strict");
            assertThat(fsck.exitCode()).as(fsck.output()).isZero();
        }
    }

    @Test
    void laterCommitOnAPathOfTheRunBlocksTheRevertUnlessForced() throws Exception {
        try (TestRepo repo = TestRepo.create(dir, TestRepo.Layout.BARE)) {
            land(
                    repo,
                    new SessionId("run-1", "docs"),
                    writes("wiki/global/a.md", "run", "wiki/global/b.md", "run", "wiki/global/c.md", "run"));
            repo.advanceMain(
                    writes("wiki/global/c.md", "by hand", "wiki/global/a.md", "by hand", "wiki/global/z.md", "z"));
            String head = repo.mainHead();

            assertThat(repo.context.revertRun("run-1", head, METADATA, false))
                    .isEqualTo(new RunRevert.Blocked(List.of("wiki/global/a.md", "wiki/global/c.md")));
            RunRevert.Written forced = (RunRevert.Written) repo.context.revertRun("run-1", head, METADATA, true);

            assertThat(forced.overridden()).containsExactly("wiki/global/a.md", "wiki/global/c.md");
            assertThat(repo.context.tree(forced.commit()).listFiles("wiki/global"))
                    .containsExactly("wiki/global/z.md");
        }
    }

    @Test
    void runWithoutSquashOnMainHasNothingToRevert() throws Exception {
        try (TestRepo repo = TestRepo.create(dir, TestRepo.Layout.BARE)) {
            land(repo, new SessionId("run-1", "docs"), writes("wiki/global/a.md", "a"));

            assertThat(repo.context.revertRun("run-9", repo.mainHead(), METADATA, false))
                    .isEqualTo(new RunRevert.NoSquash());
        }
    }

    @Test
    void runRolledBackBeforeIsNotRevertedTwice() throws Exception {
        try (TestRepo repo = TestRepo.create(dir, TestRepo.Layout.BARE)) {
            land(repo, new SessionId("run-1", "docs"), writes("wiki/global/a.md", "a"));
            String head = repo.mainHead();
            String rollback = ((RunRevert.Written) repo.context.revertRun("run-1", head, METADATA, false)).commit();
            assertThat(repo.context.advanceMain(head, rollback, List.of())).isTrue();
            repo.advanceMain(writes("wiki/global/b.md", "b"));

            RunRevert again = repo.context.revertRun(
                    "run-1", repo.mainHead(), new RollbackMetadata("rb-2", OptionalLong.empty()), true);

            assertThat(again).isEqualTo(new RunRevert.AlreadyRolledBack(rollback, "rb-1"));
        }
    }

    /** Lands the session's changes on main as the finalizer does: one squash commit with the run's trailers. */
    private static void land(TestRepo repo, SessionId session, Changeset changes) {
        String main = repo.context.openSession(session);
        repo.context.commit(session, changes, "work");
        assertThat(repo.context
                        .squash(session, main, new SquashMetadata("ktx: ingest", OptionalLong.empty()))
                        .status())
                .isEqualTo(SquashResult.Status.MERGED);
    }
}
