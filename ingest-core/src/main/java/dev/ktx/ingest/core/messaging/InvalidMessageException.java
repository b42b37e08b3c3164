package dev.ktx.ingest.core.messaging;

/** A message that cannot be read; its text is the dead-letter reason. */
public final class InvalidMessageException extends RuntimeException {

    public InvalidMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
