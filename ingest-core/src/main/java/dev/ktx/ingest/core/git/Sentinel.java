package dev.ktx.ingest.core.git;

import dev.ktx.ingest.core.config.Redaction;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What is left behind when a session fails: stored as the message (JSON) of the commit that
 * {@code refs/ktx/sentinels/<runId>/<connectionId>} points to. URL credentials in {@code error} are masked.
 */
public record Sentinel(Outcome outcome, Instant at, String baseSha, List<String> conflictPaths, String error) {

    public enum Outcome {
        conflict,
        crash,
        gate_failed
    }

    public Sentinel {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(at, "at");
        error = Redaction.urls(error);
        conflictPaths = conflictPaths == null ? List.of() : List.copyOf(conflictPaths);
    }
}
