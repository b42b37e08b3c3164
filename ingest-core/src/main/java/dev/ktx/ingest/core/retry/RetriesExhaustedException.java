package dev.ktx.ingest.core.retry;

/** A transient failure that did not go away: {@code <what> failed after <n> attempts: <cause>}. */
public final class RetriesExhaustedException extends RuntimeException {

    public RetriesExhaustedException(String what, int attempts, Throwable cause) {
        super(what + " failed after " + attempts + " attempts: " + describe(cause), cause);
    }

    static String describe(Throwable cause) {
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
