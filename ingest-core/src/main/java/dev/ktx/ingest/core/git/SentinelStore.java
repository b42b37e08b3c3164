package dev.ktx.ingest.core.git;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

import java.io.IOException;
import java.util.Optional;

/**
 * Sentinels are commits whose message is the sentinel JSON. Keeping the session's tree and parent makes the
 * sentinel show what the failed session looked like, and keeps its commits reachable.
 */
final class SentinelStore {

    private final Repository repo;
    private final RefStore refs;
    private final CommitWriter commits;
    private final String mainRef;

    SentinelStore(Repository repo, RefStore refs, CommitWriter commits, String mainRef) {
        this.repo = repo;
        this.refs = refs;
        this.commits = commits;
        this.mainRef = mainRef;
    }

    void write(SessionId id, Sentinel sentinel) throws IOException {
        ObjectId commit;
        try (RevWalk walk = new RevWalk(repo); ObjectInserter inserter = repo.newObjectInserter()) {
            String message = SentinelCodec.encode(sentinel);
            Optional<ObjectId> sessionHead = refs.read(id.sessionRef());
            if (sessionHead.isPresent()) {
                RevCommit session = walk.parseCommit(sessionHead.get());
                commit = commits.insert(inserter, session.getTree(), message, session);
            } else {
                Optional<ObjectId> mainHead = refs.read(mainRef);
                ObjectId tree = mainHead.isPresent()
                        ? walk.parseCommit(mainHead.get()).getTree()
                        : inserter.insert(new TreeFormatter());
                commit = commits.insert(inserter, tree, message);
            }
            inserter.flush();
        }
        refs.forceSet(id.sentinelRef(), commit, "ktx: sentinel " + sentinel.outcome());
    }

    Optional<Sentinel> read(SessionId id) throws IOException {
        Optional<ObjectId> ref = refs.read(id.sentinelRef());
        if (ref.isEmpty()) {
            return Optional.empty();
        }
        try (RevWalk walk = new RevWalk(repo)) {
            return Optional.of(SentinelCodec.decode(walk.parseCommit(ref.get()).getFullMessage()));
        }
    }
}
