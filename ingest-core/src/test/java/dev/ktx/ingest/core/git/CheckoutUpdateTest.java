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

/** A squash into a non-bare repo brings a clean checkout of main along and leaves a dirty one alone. */
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
    void dirtyCheckoutIsLeftAlone() throws Exception {
        String base = repo.context.openSession(SESSION);
        repo.context.commit(SESSION, writes("wiki/global/new.md", "new page"), "s");
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
}
