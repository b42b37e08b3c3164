package dev.ktx.ingest.core.git;

import java.io.IOException;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Sentinels, hand-offs and run records are commits whose message is JSON (the sentinel; the finalize request a
 * worker published; the planner's record of a run). Keeping the session's tree and parent makes the first two show
 * what the session looked like, and keeps its commits reachable; a run record carries {@code main}'s tree.
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
        refs.forceSet(
                id.sentinelRef(), note(id, SentinelCodec.encode(sentinel)), "ktx: sentinel " + sentinel.outcome());
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

    void writeRunRecord(String refName, String record) throws IOException {
        refs.forceSet(refName, note(Optional.empty(), record), "ktx: run record");
    }

    Optional<String> runRecord(String refName) throws IOException {
        return message(refName);
    }

    private ObjectId note(SessionId id, String message) throws IOException {
        return note(refs.read(id.sessionRef()), message);
    }

    /** A commit with the session's tree (or main's, without a session) whose message is {@code message}. */
    private ObjectId note(Optional<ObjectId> sessionHead, String message) throws IOException {
        ObjectId commit;
        try (RevWalk walk = new RevWalk(repo);
                ObjectInserter inserter = repo.newObjectInserter()) {
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
