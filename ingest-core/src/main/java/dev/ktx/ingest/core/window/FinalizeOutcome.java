package dev.ktx.ingest.core.window;

import java.time.Duration;
import java.util.Optional;

/**
 * How a final window ended. {@code LOCK_UNAVAILABLE} means the window was never entered (retry later);
 * {@code FAILED} carries the failure whose sentinel was written.
 */
public record FinalizeOutcome(Status status, Optional<String> commitId, Optional<SessionFailure> failure,
                              Duration lockWait, Duration lockHold) {

    public enum Status { MERGED, ALREADY_MERGED, FAILED, LOCK_UNAVAILABLE }

    public boolean landed() {
        return status == Status.MERGED || status == Status.ALREADY_MERGED;
    }
}
