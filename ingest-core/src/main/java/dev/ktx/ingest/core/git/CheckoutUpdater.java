package dev.ktx.ingest.core.git;

import java.io.IOException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheCheckout;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.IndexDiff;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After {@code main} moved in a non-bare repo, brings a checkout of {@code main} along, like
 * {@code git read-tree -m -u old new} — but only when index and working tree were clean relative to the old
 * head; someone's uncommitted edits are never touched. {@code main} has already moved, so problems here are
 * logged rather than thrown.
 */
final class CheckoutUpdater {

    private static final Logger LOG = LoggerFactory.getLogger(CheckoutUpdater.class);

    private final Repository repo;
    private final String mainRef;

    CheckoutUpdater(Repository repo, String mainRef) {
        this.repo = repo;
        this.mainRef = mainRef;
    }

    void mainMoved(ObjectId oldHead, ObjectId newHead) {
        try {
            if (repo.isBare() || !headIsMain()) {
                return;
            }
            DirCache index = repo.lockDirCache();
            try (RevWalk walk = new RevWalk(repo)) {
                if (!cleanRelativeTo(oldHead)) {
                    LOG.warn(
                            "{} moved to {} but the checkout in {} has uncommitted changes; left as it is",
                            mainRef,
                            newHead.name(),
                            repo.getWorkTree());
                    return;
                }
                new DirCacheCheckout(repo, walk.parseTree(oldHead), index, walk.parseTree(newHead)).checkout();
            } finally {
                index.unlock();
            }
        } catch (IOException e) {
            LOG.warn(
                    "{} moved to {} but the checkout in {} could not be updated: {}",
                    mainRef,
                    newHead.name(),
                    repo.getWorkTree(),
                    e.toString());
        }
    }

    private boolean headIsMain() throws IOException {
        Ref head = repo.exactRef(Constants.HEAD);
        return head != null && head.isSymbolic() && head.getTarget().getName().equals(mainRef);
    }

    /** Untracked files do not count: the checkout itself refuses to overwrite one. */
    private boolean cleanRelativeTo(ObjectId oldHead) throws IOException {
        IndexDiff diff = new IndexDiff(repo, oldHead, new FileTreeIterator(repo));
        diff.diff();
        return diff.getAdded().isEmpty()
                && diff.getChanged().isEmpty()
                && diff.getRemoved().isEmpty()
                && diff.getMissing().isEmpty()
                && diff.getModified().isEmpty()
                && diff.getConflicting().isEmpty();
    }
}
