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
 * Sentinels and hand-offs are commits whose message is JSON (the sentinel; the finalize request a worker published).
 * Keeping the session's tree and parent makes them show what the session looked like, and keeps its commits
 * reachable.
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
        refs.forceSet(id.sentinelRef(), note(id, SentinelCodec.encode(sentinel)), "ktx: sentinel " + sentinel.outcome());
    }

    Optional<Sentinel> read(SessionId id) throws IOException {
        return message(id.sentinelRef()).map(SentinelCodec::decode);
    }

    void writeHandoff(SessionId id, String request) throws IOException {
        refs.forceSet(id.handoffRef(), note(id, request), "ktx: hand-off");
    }

    Optional<String> handoff(SessionId id) throws IOException {
        return message(id.handoffRef());
    }

    /** A commit with the session's tree (or main's, without a session) whose message is {@code message}. */
    private ObjectId note(SessionId id, String message) throws IOException {
        ObjectId commit;
        try (RevWalk walk = new RevWalk(repo); ObjectInserter inserter = repo.newObjectInserter()) {
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
        return commit;
    }

    private Optional<String> message(String refName) throws IOException {
        Optional<ObjectId> ref = refs.read(refName);
        if (ref.isEmpty()) {
            return Optional.empty();
        }
        try (RevWalk walk = new RevWalk(repo)) {
            return Optional.of(walk.parseCommit(ref.get()).getFullMessage());
        }
    }
}
