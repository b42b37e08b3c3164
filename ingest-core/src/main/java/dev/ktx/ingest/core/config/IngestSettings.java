package dev.ktx.ingest.core.config;

/**
 * {@code ingest:} in ktx.yaml.
 *
 * @param sourcesMaxConcurrency   source targets of one run in flight at once
 * @param workUnitsMaxConcurrency work units of one source run in parallel
 */
public record IngestSettings(int sourcesMaxConcurrency, int workUnitsMaxConcurrency) {

    public static final int MIN_CONCURRENCY = 1;
    public static final int MAX_CONCURRENCY = 64;
    public static final IngestSettings DEFAULTS = new IngestSettings(1, 1);

    public IngestSettings {
        requireInRange("sourcesMaxConcurrency", sourcesMaxConcurrency);
        requireInRange("workUnitsMaxConcurrency", workUnitsMaxConcurrency);
    }

    private static void requireInRange(String name, int value) {
        if (value < MIN_CONCURRENCY || value > MAX_CONCURRENCY) {
            throw new IllegalArgumentException(name + " must be between " + MIN_CONCURRENCY + " and "
                    + MAX_CONCURRENCY + " (got " + value + ")");
        }
    }
}
