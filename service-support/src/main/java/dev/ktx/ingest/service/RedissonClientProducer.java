package dev.ktx.ingest.service;

import dev.ktx.ingest.core.lock.RedissonClients;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.redisson.api.RedissonClient;

/** One Redisson client per service process. */
public class RedissonClientProducer {

    @Produces
    @Singleton
    RedissonClient redisson(ServiceSettings settings) {
        return RedissonClients.create(settings.redis().url(), settings.redis().watchdog());
    }

    void close(@Disposes RedissonClient client) {
        client.shutdown();
    }
}
