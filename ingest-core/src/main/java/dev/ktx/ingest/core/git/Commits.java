package dev.ktx.ingest.core.git;

import java.io.IOException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;

/** Resolving the 40-hex commit ids that cross the {@link ContextRepository} port. */
final class Commits {

    /** Length of abbreviated ids in messages. */
    static final int SHORT_SHA = 12;

    private Commits() {}

    /**
     * The tree of the merge base of two commits, or the empty tree for unrelated histories. With several bases (a
     * criss-cross, which this system never makes: {@code main} moves by single-parent commits and sessions only merge
     * it in) the first one found is used.
     */
    static ObjectId mergeBaseTree(ObjectReader reader, ObjectInserter inserter, RevCommit a, RevCommit b)
            throws IOException {
        try (RevWalk walk = new RevWalk(reader)) {
            walk.setRevFilter(RevFilter.MERGE_BASE);
            walk.markStart(walk.parseCommit(a));
            walk.markStart(walk.parseCommit(b));
            RevCommit base = walk.next();
            return base == null ? inserter.insert(new TreeFormatter()) : base.getTree();
        }
    }

    /** Parses a commit id given by a caller; unknown or malformed ids are the caller's error. */
    static RevCommit parse(RevWalk walk, String commitId) throws IOException {
        ObjectId id;
        try {
            id = ObjectId.fromString(commitId);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a commit id: '" + commitId + "'", e);
        }
        try {
            return walk.parseCommit(id);
        } catch (MissingObjectException | IncorrectObjectTypeException e) {
            throw new IllegalArgumentException("no commit " + commitId + " in the context repo", e);
        }
    }
}
