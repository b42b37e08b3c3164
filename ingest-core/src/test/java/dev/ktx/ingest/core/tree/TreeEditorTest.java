package dev.ktx.ingest.core.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TreeEditorTest {

    private final InMemoryObjects objects = new InMemoryObjects("tree-editor");
    private final ObjectInserter inserter = objects.inserter;
    private final ObjectReader reader = objects.reader;

    @AfterEach
    void close() {
        objects.close();
    }

    @Test
    void keepsUntouchedSubTreesAndRewritesOnlyTheEditedPath() throws IOException {
        ObjectId base = tree("wiki/global/a.md", "a", "wiki/global/b.md", "b", "semantic-layer/wh/orders.yaml", "o");
        ObjectId edited = new TreeEditor(reader, inserter)
                .put("wiki/global/c.md", FileMode.REGULAR_FILE, blob("c"))
                .write(base);

        assertThat(files(edited))
                .containsExactly(
                        "semantic-layer/wh/orders.yaml", "wiki/global/a.md", "wiki/global/b.md", "wiki/global/c.md");
        assertThat(TreeWalk.forPath(reader, "semantic-layer", edited).getObjectId(0))
                .isEqualTo(TreeWalk.forPath(reader, "semantic-layer", base).getObjectId(0));
    }

    @Test
    void replacesFilesAndDirectoriesByEachOtherAndDropsEmptyDirectories() throws IOException {
        ObjectId base = tree("a/x.md", "x", "b", "file b", "c/only.md", "only", "keep.md", "k");
        ObjectId edited = new TreeEditor(reader, inserter)
                .put("a", FileMode.REGULAR_FILE, blob("file a"))
                .put("b/inner.md", FileMode.REGULAR_FILE, blob("inner"))
                .delete("c/only.md")
                .delete("missing/path.md")
                .write(base);

        assertThat(files(edited)).containsExactly("a", "b/inner.md", "keep.md");
        ObjectId emptied = new TreeEditor(reader, inserter)
                .delete("a")
                .delete("b/inner.md")
                .delete("keep.md")
                .write(edited);
        assertThat(files(emptied)).isEmpty();
    }

    @Test
    void randomEditsGiveTheTreeAnInCoreDirCacheWrites() throws IOException {
        Random random = new Random(12);
        String[] dirs = {"", "wiki/", "wiki/global/", "wiki/global/a-b/", "wiki/global.d/", "sl/wh/", "sl/wh/_schema/"};
        String[] names = {"a", "a.md", "a-b", "a-b.md", "a0", "b.md", "é.md", "z"};
        for (int round = 0; round < 200; round++) {
            List<String> basePaths = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String path = dirs[random.nextInt(dirs.length)] + names[random.nextInt(names.length)];
                if (!basePaths.contains(path)) {
                    basePaths.add(path);
                }
            }
            if (nameClash(basePaths)) {
                continue; // no tree has a file and a directory of one name
            }
            ObjectId base = dirCache(null, basePaths, List.of());
            TreeEditor editor = new TreeEditor(reader, inserter);
            List<String> puts = new ArrayList<>();
            List<String> deletes = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String path = dirs[random.nextInt(dirs.length)] + names[random.nextInt(names.length)];
                if (puts.contains(path) || deletes.contains(path)) {
                    continue; // one edit per path, as in a changeset
                }
                if (random.nextBoolean()) {
                    deletes.add(path);
                    editor.delete(path);
                } else {
                    puts.add(path);
                    editor.put(path, FileMode.REGULAR_FILE, blob(path));
                }
            }
            if (nameClash(puts)) {
                continue; // a file and a directory of one name in one edit: the two writers order them differently
            }
            assertThat(editor.write(base))
                    .as("round %d: %s + %s - %s", round, basePaths, puts, deletes)
                    .isEqualTo(dirCache(base, puts, deletes));
        }
    }

    private static boolean nameClash(List<String> paths) {
        return paths.stream().anyMatch(p -> paths.stream().anyMatch(q -> q.startsWith(p + "/")));
    }

    private ObjectId tree(String... pathsAndContents) throws IOException {
        TreeEditor editor = new TreeEditor(reader, inserter);
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            editor.put(pathsAndContents[i], FileMode.REGULAR_FILE, blob(pathsAndContents[i + 1]));
        }
        return editor.write(null);
    }

    /** What the in-core DirCache (the way trees were written before) makes of the same edits. */
    private ObjectId dirCache(ObjectId base, List<String> puts, List<String> deletes) throws IOException {
        DirCache index = base == null ? DirCache.newInCore() : DirCache.read(reader, base);
        DirCacheEditor editor = index.editor();
        deletes.forEach(path -> editor.add(new DirCacheEditor.DeletePath(path)));
        for (String path : puts) {
            ObjectId id = blob(path);
            editor.add(new DirCacheEditor.PathEdit(path) {
                @Override
                public void apply(DirCacheEntry entry) {
                    entry.setFileMode(FileMode.REGULAR_FILE);
                    entry.setObjectId(id);
                }
            });
        }
        editor.finish();
        return index.writeTree(inserter);
    }

    private ObjectId blob(String content) throws IOException {
        return inserter.insert(Constants.OBJ_BLOB, content.getBytes(StandardCharsets.UTF_8));
    }

    private List<String> files(ObjectId tree) throws IOException {
        List<String> files = new ArrayList<>();
        try (TreeWalk walk = new TreeWalk(reader)) {
            walk.addTree(tree);
            walk.setRecursive(true);
            while (walk.next()) {
                files.add(walk.getPathString());
            }
        }
        return files;
    }
}
