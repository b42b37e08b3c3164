package dev.ktx.ingest.core.git;

import java.util.Optional;

/** Outcome of a compare-and-swap squash of a session onto {@code main}. */
public record SquashResult(Status status, Optional<String> commitId) {

    public enum Status {
        /** A new squash commit is the head of {@code main}. */
        MERGED,
        /** A commit with this session's trailer is already on {@code main}; nothing was written. */
        ALREADY_MERGED,
        /** {@code main} moved after the expected head was read; nothing was written. */
        CAS_LOST
    }

    public static SquashResult merged(String commitId) {
        return new SquashResult(Status.MERGED, Optional.of(commitId));
    }

    public static SquashResult alreadyMerged(String commitId) {
        return new SquashResult(Status.ALREADY_MERGED, Optional.of(commitId));
    }

    public static SquashResult casLost() {
        return new SquashResult(Status.CAS_LOST, Optional.empty());
    }
}
