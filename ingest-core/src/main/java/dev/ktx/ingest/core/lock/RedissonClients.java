package dev.ktx.ingest.core.lock;

import java.time.Duration;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/** Builds the Redisson client the lock needs; the watchdog decides how long a dead holder blocks others. */
public final class RedissonClients {

    private RedissonClients() {}

    /**
     * @param redisUri {@code redis://host:port} (or {@code rediss://})
     * @param watchdog lock TTL renewed while the holder lives; a crashed holder keeps the lock up to this long
     */
    public static RedissonClient create(String redisUri, Duration watchdog) {
        Config config = new Config();
        config.setLockWatchdogTimeout(watchdog.toMillis());
        config.useSingleServer().setAddress(redisUri);
        return Redisson.create(config);
    }
}
