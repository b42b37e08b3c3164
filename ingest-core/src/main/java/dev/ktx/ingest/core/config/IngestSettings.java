package dev.ktx.ingest.core.config;

import java.time.Duration;
import java.util.Objects;

/**
 * {@code ingest:} in ktx.yaml.
 *
 * @param sourcesMaxConcurrency   source targets of one run in flight at once
 * @param workUnitsMaxConcurrency work units of one source run in parallel
 * @param runTimeout              a run older than this fails every target that has not reported
 * @param targetSilenceLimit      a started target that sends no trace event for this long fails
 */
public record IngestSettings(int sourcesMaxConcurrency, int workUnitsMaxConcurrency, Duration runTimeout,
                             Duration targetSilenceLimit) {

    public static final int MIN_CONCURRENCY = 1;
    public static final int MAX_CONCURRENCY = 64;
    public static final Duration MIN_DEADLINE = Duration.ofSeconds(1);
    /** Run state in Redis lives 7 days; a longer deadline could never fire. */
    public static final Duration MAX_DEADLINE = Duration.ofDays(7);
    public static final IngestSettings DEFAULTS = new IngestSettings(1, 1, Duration.ofHours(2), Duration.ofMinutes(10));

    public IngestSettings {
        requireInRange("sourcesMaxConcurrency", sourcesMaxConcurrency);
        requireInRange("workUnitsMaxConcurrency", workUnitsMaxConcurrency);
        requireInRange("runTimeout", runTimeout);
        requireInRange("targetSilenceLimit", targetSilenceLimit);
    }

    private static void requireInRange(String name, int value) {
        if (value < MIN_CONCURRENCY || value > MAX_CONCURRENCY) {
            throw new IllegalArgumentException(name + " must be between " + MIN_CONCURRENCY + " and "
                    + MAX_CONCURRENCY + " (got " + value + ")");
        }
    }

    private static void requireInRange(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.compareTo(MIN_DEADLINE) < 0 || value.compareTo(MAX_DEADLINE) > 0) {
            throw new IllegalArgumentException(name + " must be between " + Durations.format(MIN_DEADLINE) + " and "
                    + Durations.format(MAX_DEADLINE) + " (got " + Durations.format(value) + ")");
        }
    }
}
