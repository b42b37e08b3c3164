package dev.ktx.ingest.core.retry;

import java.time.Duration;
import java.util.Optional;

/**
 * Marks an exception as transient when its type alone does not say so, e.g. a JDBC connect failure reported
 * without its {@code SQLException}, or an HTTP 5xx of a source API.
 */
public interface TransientFailure {

    /** How long the failing side asked us to wait (HTTP {@code Retry-After}); empty = the policy's back-off. */
    default Optional<Duration> retryAfter() {
        return Optional.empty();
    }
}
