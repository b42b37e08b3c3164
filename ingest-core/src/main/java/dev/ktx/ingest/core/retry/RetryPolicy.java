package dev.ktx.ingest.core.retry;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounded exponential back-off with jitter: attempt {@code n} (1-based) that failed waits between half and all of
 * {@code initialBackoff * 2^(n-1)}, capped at {@code maxBackoff}; after {@code maxAttempts} attempts the failure
 * stands.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
    }

    /** The pause after failed attempt {@code attempt}; {@code random} in [0, 1) picks the jitter. */
    public Duration backoff(int attempt, double random) {
        long base = initialBackoff.toMillis();
        for (int i = 1; i < attempt && base < maxBackoff.toMillis(); i++) {
            base *= 2;
        }
        long capped = Math.min(base, maxBackoff.toMillis());
        return Duration.ofMillis(capped / 2 + (long) (random * (capped - capped / 2)));
    }
}
