package dev.ktx.ingest.core.git;

import dev.ktx.ingest.core.repo.PathChange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The revert of a run (docs/operations.md, "Rolling back a run"): every path the run's squash commits on {@code main}
 * touched goes back to its content in the parent of the run's first squash (a path the run added is deleted), in one
 * commit above {@code main}'s head. Commits after that first squash that are not the run's and touched one of those
 * paths block it, unless forced. {@code main} is followed by first parents: it moves by single-parent commits, and the
 * first-parent diff of a merge made by hand holds all it brought in.
 */
final class RunReverter {

    private final Repository repo;
    private final CommitWriter commits;

    RunReverter(Repository repo, CommitWriter commits) {
        this.repo = repo;
        this.commits = commits;
    }

    RunRevert revert(String runId, String mainHead, RollbackMetadata metadata, boolean force) throws IOException {
        try (ObjectInserter inserter = repo.newObjectInserter();
                ObjectReader reader = inserter.newReader();
                RevWalk walk = new RevWalk(reader)) {
            RevCommit head = Commits.parse(walk, mainHead);
            walk.setFirstParent(true);
            walk.markStart(head);
            List<RevCommit> newestFirst = new ArrayList<>();
            for (RevCommit commit : walk) {
                if (RollbackMessage.isRollbackOf(commit, runId)) {
                    return new RunRevert.AlreadyRolledBack(
                            commit.name(), RollbackMessage.request(commit).orElse(""));
                }
                newestFirst.add(commit);
            }
            int oldest = lastSquash(newestFirst, runId);
            if (oldest < 0) {
                return new RunRevert.NoSquash();
            }
            SortedSet<String> runPaths = new TreeSet<>();
            SortedSet<String> laterPaths = new TreeSet<>();
            List<String> squashes = new ArrayList<>();
            for (int i = oldest; i >= 0; i--) {
                RevCommit commit = newestFirst.get(i);
                boolean ofRun = RollbackMessage.isSquashOfRun(commit, runId);
                (ofRun ? runPaths : laterPaths).addAll(changedPaths(walk, reader, inserter, commit));
                if (ofRun) {
                    squashes.add(commit.name());
                }
            }
            laterPaths.retainAll(runPaths);
            if (!laterPaths.isEmpty() && !force) {
                return new RunRevert.Blocked(List.copyOf(laterPaths));
            }
            ObjectId before = parentTree(walk, inserter, newestFirst.get(oldest));
            ObjectId tree = restore(reader, inserter, head.getTree(), before, runPaths);
            ObjectId commit = commits.insert(inserter, tree, RollbackMessage.format(runId, squashes, metadata), head);
            inserter.flush();
            return new RunRevert.Written(commit.name(), squashes, List.copyOf(runPaths), List.copyOf(laterPaths));
        }
    }

    /** Index in {@code newestFirst} of the run's oldest squash commit; -1 when there is none. */
    private static int lastSquash(List<RevCommit> newestFirst, String runId) {
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            if (RollbackMessage.isSquashOfRun(newestFirst.get(i), runId)) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> changedPaths(
            RevWalk walk, ObjectReader reader, ObjectInserter inserter, RevCommit commit) throws IOException {
        return TreeDiff.between(reader, parentTree(walk, inserter, commit), commit.getTree()).stream()
                .map(PathChange::path)
                .toList();
    }

    /** The first parent's tree; the empty tree for a root commit. */
    private static ObjectId parentTree(RevWalk walk, ObjectInserter inserter, RevCommit commit) throws IOException {
        return commit.getParentCount() == 0
                ? inserter.insert(new TreeFormatter())
                : walk.parseCommit(commit.getParent(0)).getTree();
    }

    /** {@code headTree} with each of {@code paths} as it is in {@code beforeTree}: same blob and mode, or deleted. */
    private static ObjectId restore(
            ObjectReader reader,
            ObjectInserter inserter,
            ObjectId headTree,
            ObjectId beforeTree,
            SortedSet<String> paths)
            throws IOException {
        DirCache index = DirCache.read(reader, headTree);
        DirCacheEditor editor = index.editor();
        for (String path : paths) {
            try (TreeWalk before = TreeWalk.forPath(reader, path, beforeTree)) {
                if (before == null) {
                    editor.add(new DirCacheEditor.DeletePath(path));
                } else {
                    ObjectId blob = before.getObjectId(0);
                    var mode = before.getFileMode(0);
                    editor.add(new DirCacheEditor.PathEdit(path) {
                        @Override
                        public void apply(DirCacheEntry entry) {
                            entry.setFileMode(mode);
                            entry.setObjectId(blob);
                        }
                    });
                }
            }
        }
        editor.finish();
        return index.writeTree(inserter);
    }
}
