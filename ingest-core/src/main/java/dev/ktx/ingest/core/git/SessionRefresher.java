package dev.ktx.ingest.core.git;

import dev.ktx.ingest.core.merge.TreeMergeResult;
import dev.ktx.ingest.core.merge.TreeMerger;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Merges a {@code main} head into a session branch by meaning ({@link TreeMerger}), in the object database: no
 * index, no working tree, no {@code MERGE_HEAD}. On a conflict nothing is referenced or moved.
 */
final class SessionRefresher {

    private final Repository repo;
    private final RefStore refs;
    private final CommitWriter commits;

    SessionRefresher(Repository repo, RefStore refs, CommitWriter commits) {
        this.repo = repo;
        this.refs = refs;
        this.commits = commits;
    }

    RefreshResult refresh(SessionId id, String mainHead) throws IOException {
        ObjectId sessionHead = refs.read(id.sessionRef())
                .orElseThrow(() -> new IllegalStateException("no session ref " + id.sessionRef()));
        try (RevWalk walk = new RevWalk(repo)) {
            RevCommit session = walk.parseCommit(sessionHead);
            RevCommit main = Commits.parse(walk, mainHead);
            if (walk.isMergedInto(main, session)) {
                return RefreshResult.noop(session.name(), main.name());
            }
            if (SquashLookup.find(repo, id, main, Optional.of(session)).isPresent()) {
                // Main already has this session's squash (a finalize crashed before removing the ref). Merging it
                // in would hide it from the squash's bounded lookup; left as is, the squash reports ALREADY_MERGED.
                return RefreshResult.noop(session.name(), main.name());
            }
            if (walk.isMergedInto(session, main)) {
                // The session has no commits of its own: taking main's head is the whole merge.
                moveSession(id, session, main);
                return RefreshResult.changed(main.name(), main.name(), List.of());
            }
            return merge(id, session, main);
        }
    }

    private RefreshResult merge(SessionId id, RevCommit session, RevCommit main) throws IOException {
        try (ObjectInserter inserter = repo.newObjectInserter();
                ObjectReader reader = inserter.newReader()) {
            ObjectId baseTree = Commits.mergeBaseTree(reader, inserter, session, main);
            TreeMergeResult merged = new TreeMerger(TreeCache.SHARED.through(reader), inserter)
                    .merge(baseTree, session.getTree(), main.getTree());
            if (merged.isConflict()) {
                return RefreshResult.conflict(session.name(), main.name(), merged.conflicts());
            }
            String message = "ktx: refresh " + id + " from main "
                    + main.abbreviate(Commits.SHORT_SHA).name();
            ObjectId mergeCommit = commits.insert(inserter, merged.tree().orElseThrow(), message, session, main);
            inserter.flush();
            moveSession(id, session, mergeCommit);
            return RefreshResult.changed(mergeCommit.name(), main.name(), merged.mergedPaths());
        }
    }

    private void moveSession(SessionId id, ObjectId from, ObjectId to) {
        if (!refs.compareAndSet(id.sessionRef(), from, to, "ktx: refresh from main")) {
            throw new IllegalStateException(id.sessionRef() + " moved during refresh (expected " + from.name() + ")");
        }
    }
}
