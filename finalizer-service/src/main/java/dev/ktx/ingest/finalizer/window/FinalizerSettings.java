package dev.ktx.ingest.finalizer.window;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Finalizer settings (docs/configuration.md). */
@ConfigMapping(prefix = "ktx.finalizer")
public interface FinalizerSettings {

    /** How long one attempt waits for the project lock before trying again. */
    @WithDefault("2m")
    Duration lockWait();

    /** Refresh → gates → squash attempts when the compare-and-swap on main loses. */
    @WithDefault("5")
    int maxSquashAttempts();

    /** Percent of the wiki/SL files on main one session may delete. */
    @WithDefault("20")
    int deleteLimitPercent();

    /** Attempts at a request that fails transiently (Redis, git I/O, Kafka) before its target fails. */
    @WithDefault("3")
    int retryMaxAttempts();

    /** Pause after the first failed attempt; it doubles (with jitter) up to {@link #retryMaxBackoff()}. */
    @WithDefault("1s")
    Duration retryInitialBackoff();

    @WithDefault("30s")
    Duration retryMaxBackoff();

    /** How long publishing one result, parked fact or rollback outcome may wait for the broker's acknowledgement. */
    @WithDefault("30s")
    Duration publishTimeout();
}
