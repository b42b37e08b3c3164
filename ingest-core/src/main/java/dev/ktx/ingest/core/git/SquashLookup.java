package dev.ktx.ingest.core.git;

import java.io.IOException;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Finds the squash commit of a session on {@code main} without reading all of history. The squash was made
 * after the session forked from {@code main}, so only commits of {@code main} not reachable from the session
 * head are read. That bound holds because refresh never merges a session's own squash back into it.
 */
final class SquashLookup {

    /**
     * How far back {@code main} is searched when the session ref is already gone and there is no session head
     * to stop at. A redelivered finalize finds its squash near the head.
     */
    static final int DEPTH_WITHOUT_SESSION = 1000;

    private SquashLookup() {}

    static Optional<RevCommit> find(Repository repo, SessionId id, ObjectId mainHead, Optional<ObjectId> sessionHead)
            throws IOException {
        try (RevWalk walk = new RevWalk(repo)) {
            RevCommit main = walk.parseCommit(mainHead);
            // A session with no commits of its own (re-created from main by a redelivered job) bounds nothing: its
            // squash, if any, is below its head.
            Optional<RevCommit> bound =
                    sessionHead.isPresent() && !walk.isMergedInto(walk.parseCommit(sessionHead.get()), main)
                            ? Optional.of(walk.parseCommit(sessionHead.get()))
                            : Optional.empty();
            walk.reset();
            walk.markStart(main);
            if (bound.isPresent()) {
                walk.markUninteresting(bound.get());
            }
            int limit = bound.isPresent() ? Integer.MAX_VALUE : DEPTH_WITHOUT_SESSION;
            int read = 0;
            for (RevCommit commit : walk) {
                if (SquashMessage.isSquashOf(commit, id)) {
                    return Optional.of(commit);
                }
                if (++read == limit) {
                    break;
                }
            }
            return Optional.empty();
        }
    }
}
