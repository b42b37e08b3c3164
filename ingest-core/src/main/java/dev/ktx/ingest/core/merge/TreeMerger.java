package dev.ktx.ingest.core.merge;

import dev.ktx.ingest.core.repo.RepoPath;
import dev.ktx.ingest.core.repo.RepoPaths;
import dev.ktx.ingest.core.tree.TreeEditor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.treewalk.NameConflictTreeWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * Three-way merge of two trees by meaning (docs/ingest-core.md, "Refresh: merge by meaning"), in the object
 * database only. Per path: changed on one side only → that side; changed identically → taken; changed differently
 * on both → merged by artifact kind (SL source files by key, wiki pages by frontmatter and body lines, files of no
 * known kind line-wise), except that manifest shards, raw snapshots and provenance have one owner and conflict.
 */
public final class TreeMerger {

    private static final String CHANGED = "changed on both sides";

    /** How one artifact kind merges a file both sides changed; {@code base} is empty when both created it. */
    @FunctionalInterface
    private interface ContentMerge {
        FileMerge merge(String path, Optional<byte[]> base, byte[] ours, byte[] theirs);
    }

    /** One path in one tree: its raw git mode (0 when missing) and object id. */
    private record Version(int mode, ObjectId id) {

        boolean isMissing() {
            return mode == 0;
        }

        boolean isTree() {
            return FileMode.TREE.equals(mode);
        }

        boolean isFile() {
            return !isMissing() && !isTree();
        }

        boolean isRegularFile() {
            return FileMode.REGULAR_FILE.equals(mode) || FileMode.EXECUTABLE_FILE.equals(mode);
        }
    }

    private final ObjectReader reader;
    private final ObjectInserter inserter;

    public TreeMerger(ObjectReader reader, ObjectInserter inserter) {
        this.reader = reader;
        this.inserter = inserter;
    }

    /**
     * Merges {@code theirsTree} into {@code oursTree} against {@code baseTree} (the empty tree for unrelated
     * histories). Inserts, without flushing, the merged blobs and trees; writes nothing when anything conflicts.
     */
    public TreeMergeResult merge(ObjectId baseTree, ObjectId oursTree, ObjectId theirsTree) throws IOException {
        Map<String, Version> theirsWins = new TreeMap<>();
        Map<String, byte[]> merged = new TreeMap<>();
        List<MergeConflict> conflicts = new ArrayList<>();
        try (TreeWalk walk = new NameConflictTreeWalk(reader)) {
            walk.addTree(baseTree);
            walk.addTree(oursTree);
            walk.addTree(theirsTree);
            walk.setFilter(TreeFilter.ANY_DIFF);
            while (walk.next()) {
                String path = walk.getPathString();
                Version base = version(walk, 0);
                Version ours = version(walk, 1);
                Version theirs = version(walk, 2);
                if (ours.equals(theirs) || theirs.equals(base)) {
                    continue; // the result starts as ours
                }
                if (base.isTree() || ours.isTree() || theirs.isTree()) {
                    if (base.isFile() || ours.isFile() || theirs.isFile()) {
                        conflicts.add(MergeConflict.ofFile(path, "a file on one side and a directory on the other"));
                    } else {
                        walk.enterSubtree();
                    }
                } else if (ours.equals(base)) {
                    theirsWins.put(path, theirs);
                } else if (ours.isMissing() || theirs.isMissing()) {
                    conflicts.add(MergeConflict.ofFile(path, "deleted on one side and changed on the other"));
                } else {
                    FileMerge file = mergeFile(path, base, ours, theirs);
                    if (file instanceof FileMerge.Merged content) {
                        merged.put(path, content.content());
                    } else {
                        conflicts.addAll(((FileMerge.Conflicted) file).conflicts());
                    }
                }
            }
        }
        if (!conflicts.isEmpty()) {
            conflicts.sort(Comparator.comparing(MergeConflict::path));
            return new TreeMergeResult(Optional.empty(), List.of(), conflicts);
        }
        return new TreeMergeResult(
                Optional.of(write(oursTree, theirsWins, merged)), List.copyOf(merged.keySet()), List.of());
    }

    private FileMerge mergeFile(String path, Version base, Version ours, Version theirs) throws IOException {
        boolean regular = ours.isRegularFile() && theirs.isRegularFile() && (base.isMissing() || base.isRegularFile());
        Optional<ContentMerge> merge = regular ? byKind(path) : Optional.empty();
        if (merge.isEmpty()) {
            return FileMerge.conflict(path, CHANGED);
        }
        Optional<byte[]> baseContent = base.isMissing() ? Optional.empty() : Optional.of(read(base));
        return merge.get().merge(path, baseContent, read(ours), read(theirs));
    }

    /** Empty for the kinds with one owner: its connection alone writes a manifest shard, raw snapshot or provenance file. */
    private static Optional<ContentMerge> byKind(String path) {
        Optional<RepoPath> kind = RepoPaths.classify(path);
        if (kind.isEmpty()) {
            return Optional.of(LineMerge::mergeFile);
        }
        if (kind.get() instanceof RepoPath.SlSourcePath) {
            return Optional.of(SlSourceMerge::merge);
        }
        if (kind.get() instanceof RepoPath.WikiPagePath page) {
            return Optional.of((file, base, ours, theirs) -> WikiPageMerge.merge(page, base, ours, theirs));
        }
        return Optional.empty();
    }

    private ObjectId write(ObjectId oursTree, Map<String, Version> theirsWins, Map<String, byte[]> merged)
            throws IOException {
        TreeEditor editor = new TreeEditor(reader, inserter);
        theirsWins.forEach((path, version) -> {
            if (version.isMissing()) {
                editor.delete(path);
            } else {
                editor.put(path, FileMode.fromBits(version.mode()), version.id());
            }
        });
        for (Map.Entry<String, byte[]> file : merged.entrySet()) {
            editor.put(file.getKey(), FileMode.REGULAR_FILE, inserter.insert(Constants.OBJ_BLOB, file.getValue()));
        }
        return editor.write(oursTree);
    }

    private byte[] read(Version version) throws IOException {
        return reader.open(version.id(), Constants.OBJ_BLOB).getBytes(Integer.MAX_VALUE);
    }

    private static Version version(TreeWalk walk, int tree) {
        return new Version(walk.getRawMode(tree), walk.getObjectId(tree));
    }
}
