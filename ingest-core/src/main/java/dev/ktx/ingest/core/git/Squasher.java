package dev.ktx.ingest.core.git;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Optional;

/**
 * Squash of a refreshed session onto {@code main}: one commit with the session's tree whose only parent is the
 * expected {@code main} head, published by a compare-and-swap of {@code main}.
 */
final class Squasher {

    private static final Logger LOG = LoggerFactory.getLogger(Squasher.class);

    private final Repository repo;
    private final RefStore refs;
    private final CommitWriter commits;
    private final String mainRef;
    private final CheckoutUpdater checkout;

    Squasher(Repository repo, RefStore refs, CommitWriter commits, String mainRef) {
        this.repo = repo;
        this.refs = refs;
        this.commits = commits;
        this.mainRef = mainRef;
        this.checkout = new CheckoutUpdater(repo, mainRef);
    }

    SquashResult squash(SessionId id, String expectedMainHead, SquashMetadata metadata) throws IOException {
        ObjectId mainHead = refs.read(mainRef).orElseThrow(
                () -> new IllegalStateException("cannot squash " + id + ": " + mainRef + " has no commit"));
        Optional<ObjectId> sessionHead = refs.read(id.sessionRef());

        Optional<RevCommit> earlier = SquashLookup.find(repo, id, mainHead, sessionHead);
        if (earlier.isPresent()) {
            LOG.info("session {} is already on {} as {}", id, mainRef, earlier.get().name());
            cleanUp(id);
            return SquashResult.alreadyMerged(earlier.get().name());
        }
        if (sessionHead.isEmpty()) {
            throw new IllegalStateException("cannot squash " + id + ": no ref " + id.sessionRef()
                    + " and no commit with its " + SquashMessage.SESSION + " trailer in the last "
                    + SquashLookup.DEPTH_WITHOUT_SESSION + " commits of " + mainRef);
        }

        RevCommit expected;
        ObjectId squash;
        try (RevWalk walk = new RevWalk(repo); ObjectInserter inserter = repo.newObjectInserter()) {
            RevCommit session = walk.parseCommit(sessionHead.get());
            expected = Commits.parse(walk, expectedMainHead);
            if (!walk.isMergedInto(expected, session)) {
                throw new IllegalStateException("cannot squash " + id + ": the session does not contain "
                        + mainRef + " " + expectedMainHead + "; refresh it from that head first");
            }
            squash = commits.insert(inserter, session.getTree(), SquashMessage.format(id, metadata), expected);
            inserter.flush();
        }

        if (!refs.compareAndSet(mainRef, expected, squash, "ktx: squash " + id)) {
            LOG.info("squash of {} lost the race: {} is no longer {}", id, mainRef, expected.name());
            return SquashResult.casLost();
        }
        cleanUp(id);
        checkout.mainMoved(expected, squash);
        return SquashResult.merged(squash.name());
    }

    /** {@code main} is already right; a leftover session ref is harmless and removed by the next squash or gc. */
    private void cleanUp(SessionId id) {
        try {
            refs.deleteSession(id);
        } catch (RuntimeException e) {
            LOG.warn("session {} is on {} but its refs could not be removed: {}", id, mainRef, e.toString());
        }
    }
}
