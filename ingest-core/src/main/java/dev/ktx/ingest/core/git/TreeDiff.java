package dev.ktx.ingest.core.git;

import dev.ktx.ingest.core.repo.EntryKind;
import dev.ktx.ingest.core.repo.PathChange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/** Path-level differences between two trees (recursive; only differing sub-trees are entered). */
final class TreeDiff {

    private TreeDiff() {}

    static List<PathChange> between(ObjectReader reader, ObjectId fromTree, ObjectId toTree) throws IOException {
        List<PathChange> changes = new ArrayList<>();
        try (TreeWalk walk = new TreeWalk(TreeCache.SHARED.through(reader))) {
            walk.addTree(fromTree);
            walk.addTree(toTree);
            walk.setRecursive(true);
            walk.setFilter(TreeFilter.ANY_DIFF);
            while (walk.next()) {
                changes.add(change(walk.getPathString(), walk.getFileMode(0), walk.getFileMode(1)));
            }
        }
        changes.sort(Comparator.comparing(PathChange::path));
        return changes;
    }

    private static PathChange change(String path, FileMode before, FileMode after) {
        if (before == FileMode.MISSING) {
            return new PathChange(path, PathChange.Type.ADDED, EntryKinds.of(after));
        }
        if (after == FileMode.MISSING) {
            return new PathChange(path, PathChange.Type.DELETED, EntryKind.MISSING);
        }
        return new PathChange(path, PathChange.Type.MODIFIED, EntryKinds.of(after));
    }
}
