package dev.ktx.ingest.core.window;

import dev.ktx.ingest.core.gate.GateReport;
import java.time.Duration;
import java.util.Optional;

/**
 * How a final window ended for one session. {@code LOCK_UNAVAILABLE} means the window was never entered and
 * {@code LOCK_LOST} that the lock expired before the compare-and-swap (nothing written either way: retry later);
 * {@code PARKED} means the session only lacks references that unfinished peers of its run may still land (nothing
 * written; {@code missing} holds the gate errors); {@code FAILED} carries the failure whose sentinel was written.
 */
public record FinalizeOutcome(
        Status status,
        Optional<String> commitId,
        Optional<SessionFailure> failure,
        Optional<GateReport> missing,
        Duration lockWait,
        Duration lockHold) {

    public enum Status {
        MERGED,
        ALREADY_MERGED,
        PARKED,
        FAILED,
        LOCK_UNAVAILABLE,
        LOCK_LOST
    }

    public boolean landed() {
        return status == Status.MERGED || status == Status.ALREADY_MERGED;
    }

    /** The window did not run to a decision for this session; the request must be handled again. */
    public boolean retry() {
        return status == Status.LOCK_UNAVAILABLE || status == Status.LOCK_LOST;
    }
}
