package dev.ktx.ingest.testinfra;

import java.util.Map;

/**
 * The body of a Quarkus test resource for Redis, without a dependency on Quarkus (see {@link KafkaTestResource} for
 * the two-line subclass a test module declares). Uses {@link RedisService#shared()} and sets {@code ktx.redis.url}.
 */
public class RedisTestResource {

    public static final String URL_PROPERTY = "ktx.redis.url";

    public void init(Map<String, String> initArgs) {
    }

    public Map<String, String> start() {
        return Map.of(URL_PROPERTY, RedisService.shared().endpoint().uri());
    }

    /** Nothing to do: the shared server outlives each Quarkus application and is stopped at JVM exit. */
    public void stop() {
    }
}
