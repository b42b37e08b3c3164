package dev.ktx.ingest.core.config;

/**
 * postgres {@code context.queryHistory}.
 *
 * @param minExecutions statements executed fewer times than this are ignored (≥ 1)
 */
public record QueryHistorySettings(boolean enabled, int minExecutions) {

    public static final QueryHistorySettings DEFAULTS = new QueryHistorySettings(false, 5);

    public QueryHistorySettings {
        if (minExecutions < 1) {
            throw new IllegalArgumentException("minExecutions must be at least 1 (got " + minExecutions + ")");
        }
    }
}
