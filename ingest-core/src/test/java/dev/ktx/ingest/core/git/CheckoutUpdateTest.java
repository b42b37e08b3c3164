package dev.ktx.ingest.core.git;

import static dev.ktx.ingest.core.git.TestRepo.writes;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A squash into a non-bare repo brings the checkout of main along path by path, like a fast-forward merge: it leaves
 * the checkout alone when a path it would write holds uncommitted changes or an untracked file, and keeps local
 * edits of other files.
 */
class CheckoutUpdateTest {

    private static final SessionId SESSION = new SessionId("run-1", "metabase");
    private static final SquashMetadata METADATA = new SquashMetadata("ktx: ingest metabase", OptionalLong.empty());

    @TempDir
    Path dir;

    TestRepo repo;

    @BeforeEach
    void setUp() throws Exception {
        repo = TestRepo.create(dir, TestRepo.Layout.NON_BARE);
    }

    @AfterEach
    void tearDown() {
        repo.close();
    }

    @Test
    void cleanCheckoutFollowsMain() throws Exception {
        String base = repo.context.openSession(SESSION);
        repo.context.commit(SESSION, writes("wiki/global/new.md", "new page", "ktx.yaml", "project: renamed\n"), "s");

        repo.context.squash(SESSION, base, METADATA);

        assertThat(repo.root.resolve("wiki/global/new.md")).hasContent("new page");
        assertThat(repo.root.resolve("ktx.yaml")).hasContent("project: renamed");
        GitCli.Result status = GitCli.run(repo.root, "status", "--porcelain");
        assertThat(status.exitCode()).isZero();
        assertThat(status.output()).isEmpty();
    }

    @Test
    void checkoutWithUncommittedChangesToAChangedFileIsLeftAlone() throws Exception {
        String base = repo.context.openSession(SESSION);
        repo.context.commit(SESSION, writes("wiki/global/new.md", "new page", "ktx.yaml", "project: renamed\n"), "s");
        Files.writeString(repo.root.resolve("ktx.yaml"), "project: local edit\n");

        SquashResult result = repo.context.squash(SESSION, base, METADATA);

        assertThat(result.status()).isEqualTo(SquashResult.Status.MERGED);
        assertThat(repo.mainHead()).isEqualTo(result.commitId().orElseThrow());
        assertThat(repo.root.resolve("ktx.yaml")).hasContent("project: local edit");
        assertThat(repo.root.resolve("wiki/global/new.md")).doesNotExist();
        try (Repository git =
                new FileRepositoryBuilder().setGitDir(repo.gitDir.toFile()).build()) {
            DirCache index = git.readDirCache();
            assertThat(index.getEntry("wiki/global/new.md")).isNull();
            assertThat(index.getEntry("ktx.yaml")).isNotNull();
        }
        assertThat(repo.gitDir.resolve("index.lock")).doesNotExist();
    }

    @Test
    void localEditsOfOtherFilesStayWhileMainsChangesArrive() throws Exception {
        String base = repo.context.openSession(SESSION);
        repo.context.commit(SESSION, writes("wiki/global/new.md", "new page"), "s");
        Files.writeString(repo.root.resolve("ktx.yaml"), "project: local edit\n");

        repo.context.squash(SESSION, base, METADATA);

        assertThat(repo.root.resolve("wiki/global/new.md")).hasContent("new page");
        assertThat(repo.root.resolve("ktx.yaml")).hasContent("project: local edit");
        GitCli.Result status = GitCli.run(repo.root, "status", "--porcelain");
        assertThat(status.output().strip()).isEqualTo("M ktx.yaml");
    }

    @Test
    void anUntrackedFileWhereMainAddsOneIsNotOverwritten() throws Exception {
        String base = repo.context.openSession(SESSION);
        repo.context.commit(SESSION, writes("wiki/global/new.md", "new page"), "s");
        Files.createDirectories(repo.root.resolve("wiki/global"));
        Files.writeString(repo.root.resolve("wiki/global/new.md"), "my draft");

        SquashResult result = repo.context.squash(SESSION, base, METADATA);

        assertThat(repo.mainHead()).isEqualTo(result.commitId().orElseThrow());
        assertThat(repo.root.resolve("wiki/global/new.md")).hasContent("my draft");
        try (Repository git =
                new FileRepositoryBuilder().setGitDir(repo.gitDir.toFile()).build()) {
            assertThat(git.readDirCache().getEntry("wiki/global/new.md")).isNull();
        }
    }

    @Test
    void filesMainDeletesLeaveTheCheckout() throws Exception {
        SessionId second = new SessionId("run-2", "metabase");
        String base = repo.context.openSession(SESSION);
        repo.context.commit(SESSION, writes("wiki/global/old.md", "old page"), "s");
        repo.context.squash(SESSION, base, METADATA);
        assertThat(repo.root.resolve("wiki/global/old.md")).exists();

        String next = repo.context.openSession(second);
        repo.context.commit(
                second, Changeset.builder().delete("wiki/global/old.md").build(), "delete");
        repo.context.squash(second, next, METADATA);

        assertThat(repo.root.resolve("wiki/global/old.md")).doesNotExist();
        assertThat(GitCli.run(repo.root, "status", "--porcelain").output()).isEmpty();
    }
}
