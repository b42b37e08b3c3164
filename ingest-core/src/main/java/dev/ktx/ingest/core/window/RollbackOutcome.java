package dev.ktx.ingest.core.window;

import java.util.List;
import java.util.Optional;

/**
 * How a rollback request ended. {@code DONE}: {@code commit} on {@code main} rolls the run back ({@code paths} restored).
 * {@code REFUSED}: nothing written, {@code message} says why ({@code paths}: the blocking ones, if any). {@code FAILED}:
 * an error kept it from deciding. {@code LOCK_UNAVAILABLE}/{@code LOCK_LOST}: nothing written; handle it again.
 */
public record RollbackOutcome(Status status, Optional<String> commit, String message, List<String> paths) {

    public enum Status {
        DONE,
        REFUSED,
        FAILED,
        LOCK_UNAVAILABLE,
        LOCK_LOST
    }

    public RollbackOutcome {
        paths = List.copyOf(paths);
    }

    static RollbackOutcome done(String commit, String message, List<String> paths) {
        return new RollbackOutcome(Status.DONE, Optional.of(commit), message, paths);
    }

    static RollbackOutcome refused(String message, List<String> paths) {
        return new RollbackOutcome(Status.REFUSED, Optional.empty(), message, paths);
    }

    public static RollbackOutcome failed(String message) {
        return new RollbackOutcome(Status.FAILED, Optional.empty(), message, List.of());
    }

    static RollbackOutcome retry(Status status) {
        return new RollbackOutcome(status, Optional.empty(), "", List.of());
    }

    /** The window did not decide; the request must be handled again. */
    public boolean retry() {
        return status == Status.LOCK_UNAVAILABLE || status == Status.LOCK_LOST;
    }
}
