package dev.ktx.ingest.core.repo;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Computes the {@link PathChange}s between two in-memory trees, sorted by path, as a git diff would. */
public final class TreeDiff {

    private TreeDiff() {}

    public static List<PathChange> between(InMemoryRepoTree from, InMemoryRepoTree to) {
        TreeSet<String> paths = new TreeSet<>(from.entries().keySet());
        paths.addAll(to.entries().keySet());
        List<PathChange> changes = new ArrayList<>();
        for (String path : paths) {
            InMemoryRepoTree.Entry before = from.entries().get(path);
            InMemoryRepoTree.Entry after = to.entries().get(path);
            if (after == null) {
                changes.add(new PathChange(path, PathChange.Type.DELETED, EntryKind.MISSING));
            } else if (before == null) {
                changes.add(new PathChange(path, PathChange.Type.ADDED, after.kind()));
            } else if (!before.sameAs(after)) {
                changes.add(new PathChange(path, PathChange.Type.MODIFIED, after.kind()));
            }
        }
        return changes;
    }
}
