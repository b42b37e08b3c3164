package dev.ktx.ingest.core.git;

import static dev.ktx.ingest.core.git.TestRepo.writes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ktx.ingest.core.merge.MergeConflict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RefreshTest {

    private static final SessionId SESSION = new SessionId("run-1", "dbt");
    private static final String OVERLAY = "semantic-layer/wh/orders.yaml";

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestRepo.Layout.class)
    void mainThatMovedWithoutOverlapIsMergedIn(TestRepo.Layout layout) throws Exception {
        try (TestRepo repo = TestRepo.create(dir, layout)) {
            repo.context.openSession(SESSION);
            String sessionHead = repo.context.commit(SESSION, writes("wiki/global/mine.md", "mine"), "mine");
            String main = repo.advanceMain(writes("wiki/global/theirs.md", "theirs"));

            RefreshResult result = repo.context.refresh(SESSION, main);

            assertThat(result.status()).isEqualTo(RefreshResult.Status.CHANGED);
            assertThat(result.mainHead()).isEqualTo(main);
            assertThat(repo.context.sessionHead(SESSION)).contains(result.sessionHead());
            RevCommit merge = repo.commit(result.sessionHead());
            assertThat(merge.getParents()).extracting(RevCommit::name).containsExactly(sessionHead, main);
            assertThat(merge.getShortMessage()).isEqualTo("ktx: refresh run-1/dbt from main " + main.substring(0, 12));
            assertThat(repo.context.tree(result.sessionHead()).listFiles("wiki/global"))
                    .containsExactly("wiki/global/mine.md", "wiki/global/theirs.md");
            assertThat(repo.context.isAncestor(main, result.sessionHead())).isTrue();
        }
    }

    @Test
    void sessionWithoutOwnCommitsFastForwardsToMain() throws Exception {
        try (TestRepo repo = TestRepo.create(dir, TestRepo.Layout.BARE)) {
            repo.context.openSession(SESSION);
            String main = repo.advanceMain(writes("wiki/global/theirs.md", "theirs"));

            RefreshResult result = repo.context.refresh(SESSION, main);

            assertThat(result).isEqualTo(RefreshResult.changed(main, main, List.of()));
            assertThat(repo.context.sessionHead(SESSION)).contains(main);
        }
    }

    @Test
    void mainAlreadyContainedIsANoop() throws Exception {
        try (TestRepo repo = TestRepo.create(dir, TestRepo.Layout.BARE)) {
            String main = repo.context.openSession(SESSION);
            String head = repo.context.commit(SESSION, writes("wiki/global/mine.md", "mine"), "mine");
            Map<String, String> refsBefore = repo.refs();

            RefreshResult result = repo.context.refresh(SESSION, main);

            assertThat(result).isEqualTo(RefreshResult.noop(head, main));
            assertThat(repo.refs()).isEqualTo(refsBefore);
        }
    }

    @ParameterizedTest
    @EnumSource(TestRepo.Layout.class)
    void conflictMovesAndWritesNothing(TestRepo.Layout layout) throws Exception {
        try (TestRepo repo = TestRepo.create(dir, layout)) {
            repo.context.openSession(SESSION);
            String head = repo.context.commit(
                    SESSION,
                    writes(
                            "wiki/global/shared.md",
                            "mine",
                            "ktx.yaml",
                            "project: mine\n",
                            "wiki/global/only-mine.md",
                            "x"),
                    "mine");
            String main = repo.advanceMain(writes("wiki/global/shared.md", "theirs", "ktx.yaml", "project: theirs\n"));
            Map<String, String> refsBefore = repo.refs();
            Path index = repo.gitDir.resolve("index");
            byte[] indexBefore = Files.exists(index) ? Files.readAllBytes(index) : null;

            RefreshResult result = repo.context.refresh(SESSION, main);

            assertThat(result)
                    .isEqualTo(RefreshResult.conflict(
                            head,
                            main,
                            List.of(
                                    new MergeConflict("ktx.yaml", "", "changed on both sides in the same lines"),
                                    new MergeConflict(
                                            "wiki/global/shared.md",
                                            "",
                                            "created on both sides with different content"))));
            assertThat(result.conflictPaths()).containsExactly("ktx.yaml", "wiki/global/shared.md");
            assertThat(repo.context.sessionHead(SESSION)).contains(head);
            assertThat(repo.refs()).isEqualTo(refsBefore);
            assertThat(repo.gitDir.resolve("MERGE_HEAD")).doesNotExist();
            assertThat(Files.exists(index) ? Files.readAllBytes(index) : null).isEqualTo(indexBefore);
            if (layout == TestRepo.Layout.NON_BARE) {
                assertThat(repo.root.resolve("ktx.yaml")).hasContent("project: demo");
            }
        }
    }

    @Test
    void anOverlayBothSidesCreatedIsMergedByMeaning() throws Exception {
        try (TestRepo repo = TestRepo.create(dir, TestRepo.Layout.BARE)) {
            repo.context.openSession(SESSION);
            String sessionHead =
                    repo.context.commit(SESSION, writes(OVERLAY, "descriptions:\n  dbt: Orders.\n"), "dbt");
            String main = repo.advanceMain(writes(OVERLAY, "measures:\n  - name: count_orders\n    agg: count\n"));

            RefreshResult result = repo.context.refresh(SESSION, main);

            assertThat(result.status()).isEqualTo(RefreshResult.Status.CHANGED);
            assertThat(result.mergedPaths()).containsExactly(OVERLAY);
            assertThat(repo.commit(result.sessionHead()).getParents())
                    .extracting(RevCommit::name)
                    .containsExactly(sessionHead, main);
            assertThat(repo.context.tree(result.sessionHead()).readText(OVERLAY))
                    .contains("descriptions:\n  dbt: Orders.\nmeasures:\n  - name: count_orders\n    agg: count\n");
        }
    }

    @Test
    void aConflictNamesKeyPathsAndAMalformedFileNeverThrows() throws Exception {
        try (TestRepo repo = TestRepo.create(dir, TestRepo.Layout.BARE)) {
            repo.context.openSession(SESSION);
            String head = repo.context.commit(
                    SESSION,
                    writes(
                            OVERLAY,
                            "measures:\n  - name: count_orders\n    agg: sum\n    column: amount\n",
                            "semantic-layer/wh/customers.yaml",
                            "measures: [\n"),
                    "mine");
            String main = repo.advanceMain(writes(
                    OVERLAY,
                    "measures:\n  - name: count_orders\n    agg: count\n",
                    "semantic-layer/wh/customers.yaml",
                    "descriptions:\n  dbt: Customers.\n"));

            RefreshResult result = repo.context.refresh(SESSION, main);

            assertThat(result.isConflict()).isTrue();
            assertThat(result.conflicts())
                    .extracting(MergeConflict::description)
                    .satisfiesExactly(
                            malformed -> assertThat(malformed)
                                    .startsWith(
                                            "semantic-layer/wh/customers.yaml: unreadable in the session: malformed YAML"),
                            measure -> assertThat(measure)
                                    .isEqualTo(OVERLAY + ": measures[count_orders] changed on both sides"));
            assertThat(result.conflictPaths()).containsExactly("semantic-layer/wh/customers.yaml", OVERLAY);
            assertThat(repo.context.sessionHead(SESSION)).contains(head);
        }
    }

    @Test
    void refreshOfMissingSessionFails() throws Exception {
        try (TestRepo repo = TestRepo.create(dir, TestRepo.Layout.BARE)) {
            assertThatThrownBy(() -> repo.context.refresh(SESSION, repo.mainHead()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(SESSION.sessionRef());
        }
    }

    @Test
    void unknownMainHeadIsTheCallersError() throws Exception {
        try (TestRepo repo = TestRepo.create(dir, TestRepo.Layout.BARE)) {
            repo.context.openSession(SESSION);
            assertThatThrownBy(() -> repo.context.refresh(SESSION, "0123456789012345678901234567890123456789"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no commit 0123456789012345678901234567890123456789");
        }
    }
}
