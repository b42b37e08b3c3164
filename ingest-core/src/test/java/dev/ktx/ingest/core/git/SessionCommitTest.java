package dev.ktx.ingest.core.git;

import static dev.ktx.ingest.core.git.TestRepo.writes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SessionCommitTest {

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
    void openSessionStartsAtMainAndIsIdempotent() {
        String main = repo.mainHead();
        assertThat(repo.context.openSession(SESSION)).isEqualTo(main);
        String head = repo.context.commit(SESSION, writes("wiki/global/a.md", "a"), "add a");

        assertThat(repo.context.openSession(SESSION)).isEqualTo(head);
        assertThat(repo.context.sessions()).containsExactly(SESSION);
    }

    @Test
    void openSessionOnRepoWithoutCommitsFails(@TempDir Path emptyDir) throws Exception {
        try (TestRepo empty = TestRepo.createEmpty(emptyDir)) {
            assertThatThrownBy(() -> empty.context.openSession(SESSION))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("refs/heads/main has no commit");
            assertThat(empty.context.mainHead()).isEmpty();
        }
    }

    @Test
    void commitAddsOneCommitOnTheSessionHead() throws Exception {
        String base = repo.context.openSession(SESSION);
        Changeset changes = Changeset.builder()
                .write("wiki/global/a.md", "page a")
                .delete("ktx.yaml")
                .build();

        String head = repo.context.commit(SESSION, changes, "ingest warehouse");

        RevCommit commit = repo.commit(head);
        assertThat(commit.getParents()).extracting(RevCommit::name).containsExactly(base);
        assertThat(commit.getFullMessage()).isEqualTo("ingest warehouse\n");
        assertThat(commit.getAuthorIdent().getName()).isEqualTo("ktx-ingest");
        assertThat(commit.getCommitterIdent().getEmailAddress()).isEqualTo("ktx-ingest@localhost");
        assertThat(repo.context.sessionHead(SESSION)).contains(head);
        assertThat(repo.context.tree(head).readText("wiki/global/a.md")).contains("page a");
        assertThat(repo.context.tree(head).exists("ktx.yaml")).isFalse();
        assertThat(repo.mainHead()).isEqualTo(base);
    }

    @Test
    void changesetThatLeavesTheTreeAsItIsMakesNoCommit() {
        String first = repo.context.openSession(SESSION);
        String head = repo.context.commit(SESSION, writes("wiki/global/a.md", "a"), "add a");

        String again = repo.context.commit(
                SESSION,
                Changeset.builder()
                        .write("wiki/global/a.md", "a")
                        .delete("no/such/file.md")
                        .build(),
                "again");

        assertThat(head).isNotEqualTo(first);
        assertThat(again).isEqualTo(head);
        assertThat(repo.context.sessionHead(SESSION)).contains(head);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "/etc/passwd",
                "../outside.md",
                "wiki/../../x.md",
                "wiki//a.md",
                "wiki/./a.md",
                "wiki/",
                ".git/config",
                "wiki\\a.md"
            })
    void invalidPathsAreRejectedBeforeAnythingIsWritten(String path) {
        String head = repo.context.openSession(SESSION);

        assertThatThrownBy(() -> repo.context.commit(SESSION, writes(path, "x"), "bad"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> repo.context.commit(
                        SESSION, Changeset.builder().delete(path).build(), "bad"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(repo.context.sessionHead(SESSION)).contains(head);
    }

    @Test
    void commitWithoutSessionFails() {
        assertThatThrownBy(() -> repo.context.commit(SESSION, writes("a.md", "a"), "no session"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(SESSION.sessionRef());
    }

    @Test
    void writingAFileWhereADirectoryWasReplacesTheDirectory() {
        repo.context.openSession(SESSION);
        repo.context.commit(SESSION, writes("wiki/global/a.md", "a"), "dir");

        String head = repo.context.commit(SESSION, writes("wiki/global", "now a file"), "file");

        assertThat(repo.context.tree(head).readText("wiki/global")).contains("now a file");
        assertThat(repo.context.tree(head).exists("wiki/global/a.md")).isFalse();
    }
}
