package dev.ktx.ingest.planner.run;

/** A run could not be started (its jobs could not be published); nothing of it is left behind. */
public class RunNotStartedException extends RuntimeException {

    RunNotStartedException(String message, Throwable cause) {
        super(message, cause);
    }
}
