package dev.ktx.ingest.core.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ktx.ingest.core.tree.InMemoryObjects;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Large trees are inflated once and served from memory, the least recently used leave first; small ones pass by. */
class TreeCacheTest {

    private final InMemoryObjects objects = new InMemoryObjects("tree-cache");
    private final ObjectInserter inserter = objects.inserter;
    private final ObjectReader reader = objects.reader;

    @AfterEach
    void close() {
        objects.close();
    }

    @Test
    void aLargeTreeIsReadOnceAndASmallOneEveryTime() throws IOException {
        TreeCache cache = new TreeCache(1024 * 1024);
        ObjectId large = tree("page", 3000);
        ObjectId small = tree("page", 3);

        byte[] first = cache.read(reader, large);

        assertThat(cache.read(reader, large)).isSameAs(first);
        assertThat(first).isEqualTo(reader.open(large, Constants.OBJ_TREE).getBytes());
        assertThat(cache.read(reader, small)).isNotSameAs(cache.read(reader, small));
    }

    @Test
    void theLeastRecentlyUsedTreeLeavesWhenTheCacheIsFull() throws IOException {
        ObjectId a = tree("a", 3000);
        ObjectId b = tree("b", 3000);
        ObjectId c = tree("c", 3000);
        TreeCache cache = new TreeCache(2L * reader.open(a).getSize() + 1024);
        byte[] firstA = cache.read(reader, a);
        byte[] firstB = cache.read(reader, b);
        cache.read(reader, a); // a is now the most recently used

        cache.read(reader, c);

        assertThat(cache.read(reader, a)).isSameAs(firstA);
        assertThat(cache.read(reader, b)).isNotSameAs(firstB);
    }

    @Test
    void aTreeWalkThroughTheCacheSeesTheSameEntries() throws IOException {
        ObjectId large = tree("page", 3000);
        List<String> direct = names(reader, large);

        List<String> cached = names(new TreeCache(1024 * 1024).through(reader), large);

        assertThat(cached).hasSize(3000).isEqualTo(direct);
    }

    private static List<String> names(ObjectReader reader, ObjectId tree) throws IOException {
        List<String> names = new ArrayList<>();
        try (TreeWalk walk = new TreeWalk(reader)) {
            walk.addTree(tree);
            while (walk.next()) {
                names.add(walk.getPathString());
            }
        }
        return names;
    }

    private ObjectId tree(String prefix, int entries) throws IOException {
        ObjectId blob = inserter.insert(Constants.OBJ_BLOB, prefix.getBytes(StandardCharsets.UTF_8));
        TreeFormatter formatter = new TreeFormatter();
        for (int i = 0; i < entries; i++) {
            formatter.append(String.format("%s-%05d.md", prefix, i), FileMode.REGULAR_FILE, blob);
        }
        ObjectId tree = inserter.insert(formatter);
        inserter.flush();
        return tree;
    }
}
