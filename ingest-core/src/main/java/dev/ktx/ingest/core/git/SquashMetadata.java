package dev.ktx.ingest.core.git;

import java.util.Objects;
import java.util.OptionalLong;

/** What the squash commit says about itself: a subject plus the {@code Ktx-*} trailers. */
public record SquashMetadata(String subject, OptionalLong lockToken) {

    public SquashMetadata {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(lockToken, "lockToken");
    }
}
