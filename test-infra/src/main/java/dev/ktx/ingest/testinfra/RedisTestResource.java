package dev.ktx.ingest.testinfra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * The Quarkus test resource for Redis, shared by the services' tests
 * ({@code @WithTestResource(RedisTestResource.class)}; see {@link KafkaTestResource} on the Quarkus dependency).
 * Uses {@link RedisService#shared()} and sets {@code ktx.redis.url}.
 */
public class RedisTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String URL_PROPERTY = "ktx.redis.url";

    @Override
    public Map<String, String> start() {
        return Map.of(URL_PROPERTY, RedisService.shared().endpoint().uri());
    }

    /** Nothing to do: the shared server outlives each Quarkus application and is stopped at JVM exit. */
    @Override
    public void stop() {}
}
