package dev.ktx.ingest.core.plan;

import java.time.Instant;
import java.util.Objects;

/** When a target was last seen and in which phase: its latest trace event, or {@code queued} when its job went out. */
public record TargetSighting(Instant at, String phase) {

    public static final String QUEUED = "queued";

    public TargetSighting {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(phase, "phase");
    }
}
