package dev.ktx.ingest.planner.state;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the planner starts and watches runs (docs/configuration.md). */
@ConfigMapping(prefix = "ktx.planner")
public interface RunSettings {

    /** How long a start key (Idempotency-Key, requestId, CloudEvent source + id) maps to its run. */
    @WithDefault("24h")
    Duration idempotencyRetention();

    /** How long a start waits for the broker to take its database jobs before it answers 503. */
    @WithDefault("30s")
    Duration publishTimeout();

    /** How often the planner looks for targets past their deadline. */
    @WithDefault("5s")
    Duration deadlineCheckInterval();

    /** How often the planner looks for debounce windows that are due and starts their runs. */
    @WithDefault("1s")
    Duration debounceCheckInterval();

    /** How often the planner reads consumer group lag and dead-letter counts from the broker for its metrics. */
    @WithDefault("15s")
    Duration lagInterval();
}
