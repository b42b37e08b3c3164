package dev.ktx.ingest.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings every service reads (documented in docs/configuration.md). */
@ConfigMapping(prefix = "ktx")
public interface ServiceSettings {

    /** Prefix of every Kafka topic name (the channels' topics are configured with it). */
    @WithDefault("ktx.")
    String topicPrefix();

    Redis redis();

    interface Redis {
        /**
         * {@code redis://host:port} of the Redis that holds run state and the project locks: {@code KTX_REDIS_URL}
         * or {@code redis://127.0.0.1:6379}, set in service-support's META-INF/microprofile-config.properties.
         */
        String url();

        /** Lock watchdog: how long a crashed lock holder keeps the project lock at most. */
        @WithDefault("30s")
        Duration watchdog();
    }
}
