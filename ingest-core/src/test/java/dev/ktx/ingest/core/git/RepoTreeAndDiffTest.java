package dev.ktx.ingest.core.git;

import static dev.ktx.ingest.core.git.TestRepo.writes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ktx.ingest.core.repo.EntryKind;
import dev.ktx.ingest.core.repo.PathChange;
import dev.ktx.ingest.core.repo.RepoTree;
import java.nio.file.Path;
import org.eclipse.jgit.lib.FileMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepoTreeAndDiffTest {

    private static final SessionId SESSION = new SessionId("run-1", "warehouse");

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
    void treeReadsFilesAndKinds() {
        repo.context.openSession(SESSION);
        String head = repo.context.commit(
                SESSION,
                writes(
                        "semantic-layer/wh/_schema/public.yaml", "tables: {}\n",
                        "semantic-layer/wh/orders.yaml", "name: orders\n"),
                "sl");

        RepoTree tree = repo.context.tree(head);

        assertThat(tree.readText("semantic-layer/wh/orders.yaml")).contains("name: orders\n");
        assertThat(tree.read("semantic-layer/wh")).isEmpty();
        assertThat(tree.read("nope.yaml")).isEmpty();
        assertThat(tree.kind("semantic-layer/wh/orders.yaml")).isEqualTo(EntryKind.FILE);
        assertThat(tree.kind("semantic-layer/wh")).isEqualTo(EntryKind.DIRECTORY);
        assertThat(tree.kind("semantic-layer/wh/")).isEqualTo(EntryKind.DIRECTORY);
        assertThat(tree.kind("")).isEqualTo(EntryKind.DIRECTORY);
        assertThat(tree.kind("semantic-layer/nope")).isEqualTo(EntryKind.MISSING);
    }

    @Test
    void listingsCoverOnlyTheRequestedDirectoryInStringOrder() {
        repo.context.openSession(SESSION);
        String head = repo.context.commit(
                SESSION,
                writes(
                        "wiki/global/b.md", "b",
                        "wiki/global/a.md", "a",
                        "wiki/global/a.md.bak", "old",
                        "wiki/global/a/nested.md", "nested",
                        "wiki/other.md", "other"),
                "wiki");

        RepoTree tree = repo.context.tree(head);

        assertThat(tree.listFiles("wiki/global"))
                .containsExactly("wiki/global/a.md", "wiki/global/a.md.bak", "wiki/global/b.md");
        assertThat(tree.listFilesRecursive("wiki/global/"))
                .containsExactly(
                        "wiki/global/a.md", "wiki/global/a.md.bak", "wiki/global/a/nested.md", "wiki/global/b.md");
        assertThat(tree.listFiles("")).containsExactly("ktx.yaml");
        assertThat(tree.listFiles("nope")).isEmpty();
        assertThat(tree.listFiles("ktx.yaml")).isEmpty();
    }

    @Test
    void diffListsAddedModifiedAndDeletedPathsSorted() {
        String base = repo.context.openSession(SESSION);
        repo.context.commit(SESSION, writes("wiki/global/keep.md", "keep", "wiki/global/gone.md", "gone"), "setup");
        String from = repo.context.sessionHead(SESSION).orElseThrow();
        String to = repo.context.commit(
                SESSION,
                Changeset.builder()
                        .write("wiki/global/added.md", "new")
                        .write("ktx.yaml", "project: changed\n")
                        .delete("wiki/global/gone.md")
                        .build(),
                "change");

        assertThat(repo.context.diff(from, to))
                .containsExactly(
                        new PathChange("ktx.yaml", PathChange.Type.MODIFIED, EntryKind.FILE),
                        new PathChange("wiki/global/added.md", PathChange.Type.ADDED, EntryKind.FILE),
                        new PathChange("wiki/global/gone.md", PathChange.Type.DELETED, EntryKind.MISSING));
        assertThat(repo.context.diff(to, to)).isEmpty();
        assertThat(repo.context.isAncestor(base, to)).isTrue();
        assertThat(repo.context.isAncestor(to, base)).isFalse();
        assertThat(repo.context.isAncestor(to, to)).isTrue();
    }

    @Test
    void unknownCommitsAreRejected() {
        assertThatThrownBy(() -> repo.context.tree("not-a-sha")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> repo.context.diff(repo.mainHead(), "ffffffffffffffffffffffffffffffffffffffff"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fileModesMapToEntryKinds() {
        assertThat(EntryKinds.of(FileMode.REGULAR_FILE)).isEqualTo(EntryKind.FILE);
        assertThat(EntryKinds.of(FileMode.EXECUTABLE_FILE)).isEqualTo(EntryKind.EXECUTABLE);
        assertThat(EntryKinds.of(FileMode.SYMLINK)).isEqualTo(EntryKind.SYMLINK);
        assertThat(EntryKinds.of(FileMode.GITLINK)).isEqualTo(EntryKind.GITLINK);
        assertThat(EntryKinds.of(FileMode.TREE)).isEqualTo(EntryKind.DIRECTORY);
        assertThat(EntryKinds.of(FileMode.MISSING)).isEqualTo(EntryKind.MISSING);
    }
}
