package dev.ktx.ingest.core.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * {@code ingest:} in ktx.yaml.
 *
 * @param sourcesMaxConcurrency   source targets of one run in flight at once
 * @param workUnitsMaxConcurrency work units of one source run in parallel
 * @param runTimeout              a run older than this fails every target that has not reported
 * @param targetSilenceLimit      a started target that sends no trace event for this long fails
 * @param debounce                upstream events of one project within this window coalesce into one run; zero
 *                                starts a run per event
 * @param triggers                the rules mapping upstream events to targets; empty for the built-in rule
 */
public record IngestSettings(
        int sourcesMaxConcurrency,
        int workUnitsMaxConcurrency,
        Duration runTimeout,
        Duration targetSilenceLimit,
        Duration debounce,
        List<TriggerRule> triggers) {

    public static final int MIN_CONCURRENCY = 1;
    public static final int MAX_CONCURRENCY = 64;
    public static final Duration MIN_DEADLINE = Duration.ofSeconds(1);
    /** Run state in Redis lives 7 days; a longer deadline could never fire. */
    public static final Duration MAX_DEADLINE = Duration.ofDays(7);

    public static final Duration MAX_DEBOUNCE = Duration.ofHours(1);
    public static final IngestSettings DEFAULTS =
            new IngestSettings(1, 1, Duration.ofHours(2), Duration.ofMinutes(10), Duration.ofSeconds(30), List.of());

    public IngestSettings {
        requireInRange("sourcesMaxConcurrency", sourcesMaxConcurrency);
        requireInRange("workUnitsMaxConcurrency", workUnitsMaxConcurrency);
        requireInRange("runTimeout", runTimeout);
        requireInRange("targetSilenceLimit", targetSilenceLimit);
        Objects.requireNonNull(debounce, "debounce");
        if (debounce.isNegative() || debounce.compareTo(MAX_DEBOUNCE) > 0) {
            throw new IllegalArgumentException("debounce must be between 0s and " + Durations.format(MAX_DEBOUNCE)
                    + " (got " + Durations.format(debounce) + ")");
        }
        triggers = List.copyOf(triggers);
    }

    private static void requireInRange(String name, int value) {
        if (value < MIN_CONCURRENCY || value > MAX_CONCURRENCY) {
            throw new IllegalArgumentException(
                    name + " must be between " + MIN_CONCURRENCY + " and " + MAX_CONCURRENCY + " (got " + value + ")");
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
