package dev.ktx.ingest.core.git;

import dev.ktx.ingest.core.repo.PathChange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.RmCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.IndexDiff;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After {@code main} moved in a non-bare repo, brings a checkout of {@code main} along, like {@code git merge
 * --ff-only} does: only the paths that changed between the old and the new head are written, and only when each of
 * them is clean relative to the old head (index and working tree) and no untracked file sits where one is added;
 * someone's uncommitted edits are never touched, and edits to other files stay as they are. The cost follows the
 * change, not the size of the checkout. {@code main} has already moved, so problems here are logged rather than
 * thrown.
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
            Changed changed = changedPaths(oldHead, newHead);
            if (changed.isEmpty()) {
                return;
            }
            Optional<String> dirty = dirtyPath(oldHead, changed.all());
            if (dirty.isPresent()) {
                LOG.warn(
                        "{} moved to {} but {} in the checkout {} has uncommitted changes; left as it is",
                        mainRef,
                        newHead.name(),
                        dirty.get(),
                        repo.getWorkTree());
                return;
            }
            try (Git git = Git.wrap(repo)) {
                if (!changed.removed().isEmpty()) { // first, so a file may replace a directory and vice versa
                    RmCommand rm = git.rm();
                    changed.removed().forEach(rm::addFilepattern);
                    rm.call();
                }
                if (!changed.written().isEmpty()) {
                    git.checkout()
                            .setStartPoint(newHead.name())
                            .addPaths(changed.written())
                            .call();
                }
            }
        } catch (IOException | GitAPIException e) {
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

    /** The files that differ between the two heads: the ones the new head has, and the ones it no longer has. */
    private record Changed(List<String> written, List<String> removed) {

        boolean isEmpty() {
            return written.isEmpty() && removed.isEmpty();
        }

        List<String> all() {
            List<String> all = new ArrayList<>(written);
            all.addAll(removed);
            return all;
        }
    }

    private Changed changedPaths(ObjectId oldHead, ObjectId newHead) throws IOException {
        try (RevWalk commits = new RevWalk(repo)) {
            Map<Boolean, List<String>> byRemoval =
                    TreeDiff.between(commits.getObjectReader(), commits.parseTree(oldHead), commits.parseTree(newHead))
                            .stream()
                            .collect(Collectors.partitioningBy(
                                    change -> change.type() == PathChange.Type.DELETED,
                                    Collectors.mapping(PathChange::path, Collectors.toList())));
            return new Changed(byRemoval.get(false), byRemoval.get(true));
        }
    }

    /** The first of {@code paths} whose index or working tree differs from the old head, or that is untracked. */
    private Optional<String> dirtyPath(ObjectId oldHead, List<String> paths) throws IOException {
        IndexDiff diff = new IndexDiff(repo, oldHead, new FileTreeIterator(repo));
        diff.setFilter(PathFilterGroup.createFromStrings(paths));
        diff.diff();
        return Stream.of(
                        diff.getAdded(),
                        diff.getChanged(),
                        diff.getRemoved(),
                        diff.getMissing(),
                        diff.getModified(),
                        diff.getConflicting(),
                        diff.getUntracked())
                .flatMap(Set::stream)
                .sorted()
                .findFirst();
    }
}
