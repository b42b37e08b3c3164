package dev.ktx.ingest.core.merge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TreeMergerTest {

    private static final String KTX_YAML =
            "project: demo\nconnections:\n  warehouse: postgres\n\nsources:\n  dbt: dbt\n";
    private static final String SHARD = "semantic-layer/wh/_schema/public.yaml";
    private static final String OVERLAY = "semantic-layer/wh/orders.yaml";

    @TempDir
    Path dir;

    private Repository repo;
    private ObjectInserter inserter;
    private ObjectReader reader;

    @BeforeEach
    void openRepo() throws Exception {
        repo = Git.init().setBare(true).setDirectory(dir.toFile()).call().getRepository();
        inserter = repo.newObjectInserter();
        reader = inserter.newReader();
    }

    @AfterEach
    void closeRepo() {
        reader.close();
        inserter.close();
        repo.close();
    }

    @Test
    void changesOfOneSideAndIdenticalChangesAreTakenWithoutMerging() throws Exception {
        Map<String, String> base = files(
                "ktx.yaml",
                KTX_YAML,
                "wiki/global/a.md",
                "a",
                "wiki/global/b.md",
                "b",
                SHARD,
                "tables: {}\n",
                "wiki/global/same.md",
                "old");
        Map<String, String> ours = with(
                base,
                "wiki/global/a.md",
                "a by the session",
                "wiki/global/same.md",
                "new",
                "wiki/global/mine.md",
                "mine");
        ours.remove("wiki/global/b.md");
        Map<String, String> theirs = with(
                base,
                SHARD,
                "tables:\n  orders: {}\n",
                "wiki/global/same.md",
                "new",
                "raw-sources/wh/db/1/catalog.json",
                "{}");

        TreeMergeResult result = merge(base, ours, theirs);

        Map<String, String> expected =
                with(ours, SHARD, "tables:\n  orders: {}\n", "raw-sources/wh/db/1/catalog.json", "{}");
        assertThat(files(result)).isEqualTo(expected);
        assertThat(result.mergedPaths()).isEmpty();
    }

    @Test
    void disjointChangesToOneFileOnBothSidesAreMergedAndListed() throws Exception {
        Map<String, String> base = files("ktx.yaml", KTX_YAML, "wiki/global/a.md", "a");
        Map<String, String> ours = with(
                base,
                "ktx.yaml",
                KTX_YAML.replace("project: demo", "project: acme"),
                OVERLAY,
                "descriptions:\n  dbt: Orders.\n");
        Map<String, String> theirs = with(
                base,
                "ktx.yaml",
                KTX_YAML.replace("dbt: dbt", "dbt: dbt\n  bi: metabase"),
                OVERLAY,
                "measures:\n  - name: n\n    agg: count\n");

        TreeMergeResult result = merge(base, ours, theirs);

        assertThat(result.mergedPaths()).containsExactly("ktx.yaml", OVERLAY);
        assertThat(files(result))
                .containsEntry(
                        "ktx.yaml",
                        "project: acme\nconnections:\n  warehouse: postgres\n\nsources:\n  dbt: dbt\n  bi: metabase\n")
                .containsEntry(OVERLAY, "descriptions:\n  dbt: Orders.\nmeasures:\n  - name: n\n    agg: count\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {SHARD, "raw-sources/wh/db/1/catalog.json", "provenance/wh/db/1.jsonl"})
    void aFileWithOneOwnerChangedOnBothSidesConflicts(String path) throws Exception {
        Map<String, String> base = files("ktx.yaml", KTX_YAML, path, "line 1\nline 2\nline 3\n");

        TreeMergeResult result = merge(
                base,
                with(base, path, "line 1\nline 2\nline 3 by the session\n"),
                with(base, path, "line 1 on main\nline 2\nline 3\n"));

        assertThat(result.isConflict()).isTrue();
        assertThat(result.conflicts())
                .extracting(MergeConflict::description)
                .containsExactly(path + ": changed on both sides");
    }

    @Test
    void everyConflictIsReportedAndNoTreeIsWritten() throws Exception {
        Map<String, String> base = files("ktx.yaml", KTX_YAML, "wiki/global/gone.md", "x", "notes", "n");
        Map<String, String> ours = with(base, "ktx.yaml", "project: mine\n", "notes/today.md", "dir now");
        ours.remove("wiki/global/gone.md");
        ours.remove("notes");
        Map<String, String> theirs =
                with(base, "ktx.yaml", "project: theirs\n", "wiki/global/gone.md", "changed", "notes", "changed");

        TreeMergeResult result = merge(base, ours, theirs);

        assertThat(result.tree()).isEmpty();
        assertThat(result.mergedPaths()).isEmpty();
        assertThat(result.conflicts())
                .extracting(MergeConflict::description)
                .containsExactly(
                        "ktx.yaml: changed on both sides in the same lines",
                        "notes: a file on one side and a directory on the other",
                        "wiki/global/gone.md: deleted on one side and changed on the other");
    }

    private TreeMergeResult merge(Map<String, String> base, Map<String, String> ours, Map<String, String> theirs)
            throws Exception {
        return new TreeMerger(reader, inserter).merge(tree(base), tree(ours), tree(theirs));
    }

    private ObjectId tree(Map<String, String> files) throws Exception {
        DirCache index = DirCache.newInCore();
        DirCacheBuilder builder = index.builder();
        for (Map.Entry<String, String> file : new TreeMap<>(files).entrySet()) {
            DirCacheEntry entry = new DirCacheEntry(file.getKey());
            entry.setFileMode(FileMode.REGULAR_FILE);
            entry.setObjectId(
                    inserter.insert(Constants.OBJ_BLOB, file.getValue().getBytes(StandardCharsets.UTF_8)));
            builder.add(entry);
        }
        builder.finish();
        return index.writeTree(inserter);
    }

    private Map<String, String> files(TreeMergeResult result) throws Exception {
        Map<String, String> files = new HashMap<>();
        try (TreeWalk walk = new TreeWalk(reader)) {
            walk.addTree(result.tree().orElseThrow());
            walk.setRecursive(true);
            while (walk.next()) {
                files.put(
                        walk.getPathString(),
                        new String(reader.open(walk.getObjectId(0)).getBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private static Map<String, String> files(String... pathThenContent) {
        return with(Map.of(), pathThenContent);
    }

    private static Map<String, String> with(Map<String, String> files, String... pathThenContent) {
        Map<String, String> result = new HashMap<>(files);
        for (int i = 0; i < pathThenContent.length; i += 2) {
            result.put(pathThenContent[i], pathThenContent[i + 1]);
        }
        return result;
    }
}
