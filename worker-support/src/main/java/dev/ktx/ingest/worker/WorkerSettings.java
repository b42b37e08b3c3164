package dev.ktx.ingest.worker;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the job frame in both workers (docs/configuration.md). */
@ConfigMapping(prefix = "ktx.worker")
public interface WorkerSettings {

    Retry retry();

    /** How often a running job sends {@code target_heartbeat}. */
    @WithDefault("10s")
    Duration heartbeatInterval();

    /** How long a copy of a job waits for another copy that holds the session lock, per attempt. */
    @WithDefault("30m")
    Duration sessionLockWait();

    /** How long publishing one outcome message may take before it counts as failed (and is retried). */
    @WithDefault("30s")
    Duration publishTimeout();

    interface Retry {
        /** Attempts of a job body (and of publishing its outcome) before a transient failure stands. */
        @WithDefault("3")
        int maxAttempts();

        /** Pause after the first failed attempt; doubles each time, with jitter. */
        @WithDefault("1s")
        Duration initialBackoff();

        /** Cap of the pause between attempts. */
        @WithDefault("30s")
        Duration maxBackoff();
    }
}
