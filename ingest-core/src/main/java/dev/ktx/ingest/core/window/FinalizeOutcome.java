package dev.ktx.ingest.core.window;

import java.time.Duration;
import java.util.Optional;

/**
 * How a final window ended. {@code LOCK_UNAVAILABLE} means the window was never entered (retry later);
 * {@code DEFERRED} means the session only lacks pages or sources that unfinished peers of its run may still
 * land (nothing written; finalize it again later); {@code FAILED} carries the failure whose sentinel was written.
 */
public record FinalizeOutcome(Status status, Optional<String> commitId, Optional<SessionFailure> failure,
                              Duration lockWait, Duration lockHold) {

    public enum Status { MERGED, ALREADY_MERGED, DEFERRED, FAILED, LOCK_UNAVAILABLE }

    public boolean landed() {
        return status == Status.MERGED || status == Status.ALREADY_MERGED;
    }
}
