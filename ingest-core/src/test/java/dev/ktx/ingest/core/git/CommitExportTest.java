package dev.ktx.ingest.core.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ktx.ingest.core.repo.InMemoryRepoTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommitExportTest {

    @TempDir
    Path dir;

    @Test
    void writesTheInputsOfACommitButNotWhatKtxWritesNorSymlinks() throws Exception {
        try (LocalContextRepository repo = LocalContextRepository.initBare(
                dir.resolve("acme.git"),
                Changeset.builder()
                        .write("ktx.yaml", "connections: {}\n")
                        .write("snapshots/notion/pages.json", "[]")
                        .write("dbt/models/orders.sql", "select 1")
                        .write("wiki/global/home.md", "home")
                        .write("semantic-layer/warehouse/orders.yaml", "name: orders")
                        .write("raw-sources/docs/a.json", "{}")
                        .write("provenance/docs.jsonl", "{}")
                        .build(),
                "init")) {
            String commit = repo.mainHead().orElseThrow();
            Path target = dir.resolve("inputs").resolve(commit);

            assertThat(CommitExport.ensure(repo.tree(commit), target)).isEqualTo(target);

            try (var files = Files.walk(target)) {
                assertThat(files.filter(Files::isRegularFile)
                                .map(f -> target.relativize(f).toString())
                                .sorted())
                        .containsExactly("dbt/models/orders.sql", "ktx.yaml", "snapshots/notion/pages.json");
            }
            assertThat(target.resolve("snapshots/notion/pages.json")).hasContent("[]");
            assertThat(dir.resolve("inputs")).isDirectoryNotContaining("glob:**.export-*");
        }
    }

    @Test
    void aWrittenExportIsKeptAndOldExportsOfOtherCommitsGo() throws Exception {
        try (LocalContextRepository repo = LocalContextRepository.initBare(
                dir.resolve("acme.git"),
                Changeset.builder().write("ktx.yaml", "connections: {}\n").build(),
                "init")) {
            String commit = repo.mainHead().orElseThrow();
            Path old = Files.createDirectories(dir.resolve("inputs").resolve("0".repeat(40)));
            Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
            Path recent = Files.createDirectories(dir.resolve("inputs").resolve("1".repeat(40)));
            Path target = dir.resolve("inputs").resolve(commit);
            CommitExport.ensure(repo.tree(commit), target);
            Files.writeString(target.resolve("marker"), "kept");

            CommitExport.ensure(repo.tree(commit), target);

            assertThat(target.resolve("marker")).hasContent("kept");
            assertThat(old).doesNotExist();
            assertThat(recent).exists();
        }
    }

    @Test
    void aSymlinkInTheCommitIsNotWritten() {
        InMemoryRepoTree tree = new InMemoryRepoTree()
                .file("ktx.yaml", "connections: {}\n")
                .symlink("snapshots", "/etc")
                .symlink("dbt/profiles.yml", "/root/.dbt/profiles.yml");
        Path target = dir.resolve("inputs").resolve("c0ffee");

        CommitExport.ensure(tree, target);

        assertThat(target.resolve("ktx.yaml")).exists();
        assertThat(target.resolve("snapshots")).doesNotExist();
        assertThat(target.resolve("dbt")).doesNotExist();
    }
}
