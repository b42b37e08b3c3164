package dev.ktx.ingest.core.plan;

/** The request cannot be planned (a usage error: the CLI exits with 2, REST answers 400). */
public class PlanException extends RuntimeException {

    public PlanException(String message) {
        super(message);
    }
}
