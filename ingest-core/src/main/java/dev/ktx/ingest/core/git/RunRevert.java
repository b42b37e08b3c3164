package dev.ktx.ingest.core.git;

import java.util.List;

/**
 * What reverting a run's squash commits on {@code main} came to ({@link ContextRepository#revertRun}). Only
 * {@link Written} wrote anything: a commit no ref points to yet, for the caller to gate and land.
 */
public sealed interface RunRevert {

    /** No commit of {@code main} carries the run's {@code Ktx-Run} trailer. */
    record NoSquash() implements RunRevert {}

    /** {@code commit} on {@code main} already rolled the run back, for the request {@code rollbackId}. */
    record AlreadyRolledBack(String commit, String rollbackId) implements RunRevert {}

    /** Commits after the run's first squash, not of the run, changed these paths of the run (sorted). */
    record Blocked(List<String> paths) implements RunRevert {

        public Blocked {
            paths = List.copyOf(paths);
        }
    }

    /**
     * {@code commit} (parent: the given {@code main} head) restores {@code paths} to their content before the run;
     * {@code squashes} are the run's squash commits it reverts, oldest first; {@code overridden} the paths later
     * commits had changed too (non-empty only when forced).
     */
    record Written(String commit, List<String> squashes, List<String> paths, List<String> overridden)
            implements RunRevert {

        public Written {
            squashes = List.copyOf(squashes);
            paths = List.copyOf(paths);
            overridden = List.copyOf(overridden);
        }
    }
}
