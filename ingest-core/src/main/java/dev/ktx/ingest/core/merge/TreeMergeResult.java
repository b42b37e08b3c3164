package dev.ktx.ingest.core.merge;

import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;

/**
 * The outcome of {@link TreeMerger#merge}: the merged tree, or, when anything conflicts, no tree and every
 * conflict. {@code mergedPaths} are the files whose content was merged from both sides; both lists are sorted by path.
 */
public record TreeMergeResult(Optional<ObjectId> tree, List<String> mergedPaths, List<MergeConflict> conflicts) {

    public TreeMergeResult {
        mergedPaths = List.copyOf(mergedPaths);
        conflicts = List.copyOf(conflicts);
        if (tree.isPresent() != conflicts.isEmpty()) {
            throw new IllegalArgumentException("a merge has either a tree or conflicts");
        }
    }

    public boolean isConflict() {
        return tree.isEmpty();
    }
}
