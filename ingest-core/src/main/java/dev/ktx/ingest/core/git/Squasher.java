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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Squash of refreshed sessions onto {@code main}: each session becomes one commit whose only parent is the commit
 * below it ({@code main}, or the previous session's squash when several land together), and {@code main} moves by
 * one compare-and-swap to the top of that stack.
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
        ObjectId mainHead = refs.read(mainRef)
                .orElseThrow(
                        () -> new IllegalStateException("cannot squash " + id + ": " + mainRef + " has no commit"));
        Optional<RevCommit> earlier = landedAs(id, mainHead);
        if (earlier.isPresent()) {
            return SquashResult.alreadyMerged(earlier.get().name());
        }
        if (!contains(refs.read(id.sessionRef()).orElseThrow(), expectedMainHead)) {
            throw new IllegalStateException("cannot squash " + id + ": the session does not contain " + mainRef + " "
                    + expectedMainHead + "; refresh it from that head first");
        }
        String squash = stack(id, expectedMainHead, metadata).commitId().orElseThrow();
        return publish(expectedMainHead, squash, List.of(id)) ? SquashResult.merged(squash) : SquashResult.casLost();
    }

    /** The squash of {@code id} already on {@code main}, if any; then its leftover refs are removed. */
    Optional<RevCommit> landedAs(SessionId id, ObjectId mainHead) throws IOException {
        Optional<RevCommit> earlier = find(id, mainHead);
        if (earlier.isPresent()) {
            LOG.info(
                    "session {} is already on {} as {}",
                    id,
                    mainRef,
                    earlier.get().name());
            cleanUp(id);
        } else if (refs.read(id.sessionRef()).isEmpty()) {
            throw new IllegalStateException("cannot squash " + id + ": no ref " + id.sessionRef()
                    + " and no commit with its " + SquashMessage.SESSION + " trailer in the last "
                    + SquashLookup.DEPTH_WITHOUT_SESSION + " commits of " + mainRef);
        }
        return earlier;
    }

    /** The squash of {@code id} on {@code main}, if any. */
    Optional<RevCommit> find(SessionId id, ObjectId mainHead) throws IOException {
        return SquashLookup.find(repo, id, mainHead, refs.read(id.sessionRef()));
    }

    /**
     * Writes (without moving any ref) the squash commit of session {@code id} whose parent is {@code parentId}.
     * The session must contain {@code main}; when {@code parentId} is a squash stacked above that, the session is
     * merged with it in core, and a conflict leaves nothing referenced.
     */
    StackedSquash stack(SessionId id, String parentId, SquashMetadata metadata) throws IOException {
        ObjectId sessionHead = refs.read(id.sessionRef())
                .orElseThrow(() -> new IllegalStateException("no session ref " + id.sessionRef()));
        try (ObjectInserter inserter = repo.newObjectInserter();
                ObjectReader reader = inserter.newReader();
                RevWalk walk = new RevWalk(reader)) {
            RevCommit session = walk.parseCommit(sessionHead);
            RevCommit parent = Commits.parse(walk, parentId);
            ObjectId tree = session.getTree();
            if (!walk.isMergedInto(parent, session)) {
                // The same merge by meaning as a refresh, so stacking gives what refreshing one by one would.
                TreeMergeResult merged = new TreeMerger(TreeCache.SHARED.through(reader), inserter)
                        .merge(
                                Commits.mergeBaseTree(reader, inserter, session, parent),
                                session.getTree(),
                                parent.getTree());
                if (merged.isConflict()) {
                    return StackedSquash.conflict(merged.conflicts());
                }
                tree = merged.tree().orElseThrow();
            }
            ObjectId squash = commits.insert(inserter, tree, SquashMessage.format(id, metadata), parent);
            inserter.flush();
            return StackedSquash.of(squash.name());
        }
    }

    private boolean contains(ObjectId sessionHead, String commitId) throws IOException {
        try (RevWalk walk = new RevWalk(repo)) {
            return walk.isMergedInto(Commits.parse(walk, commitId), walk.parseCommit(sessionHead));
        }
    }

    /** Moves {@code main} from {@code expectedMainHead} to {@code newHead} (CAS); then drops the landed sessions' refs. */
    boolean publish(String expectedMainHead, String newHead, List<SessionId> landed) {
        ObjectId expected = ObjectId.fromString(expectedMainHead);
        ObjectId target = ObjectId.fromString(newHead);
        if (!refs.compareAndSet(mainRef, expected, target, "ktx: squash " + landed)) {
            LOG.info("squash of {} lost the race: {} is no longer {}", landed, mainRef, expectedMainHead);
            return false;
        }
        landed.forEach(this::cleanUp);
        checkout.mainMoved(expected, target);
        return true;
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
