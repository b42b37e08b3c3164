package dev.ktx.ingest.testinfra;

import java.util.List;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A Redis server for tests: the one named by {@value #URL_VARIABLE}, else a {@value #IMAGE} container, else a local
 * {@code redis-server} (path overridable with {@code KTX_TEST_REDIS_SERVER}).
 */
public final class RedisService extends InfraService<RedisEndpoint> {

    public static final String URL_VARIABLE = "KTX_TEST_REDIS_URL";
    public static final String IMAGE = "redis:7-alpine";
    private static final int REDIS_PORT = 6379;

    private static RedisService shared;

    private RedisService(Started<RedisEndpoint> started, boolean shared) {
        super(started, shared);
    }

    /** A server of one's own (unless the environment names one); close it when done. */
    public static RedisService start() {
        return start(Environment.system());
    }

    public static RedisService start(Environment environment) {
        return new RedisService(select(environment), false);
    }

    /** One server for the whole JVM, started on first use and stopped at JVM shutdown; close does nothing. */
    public static synchronized RedisService shared() {
        if (shared == null) {
            shared = new RedisService(select(Environment.system()), true);
        }
        return shared;
    }

    private static Started<RedisEndpoint> select(Environment environment) {
        return Selection.select(
                "Redis",
                environment,
                URL_VARIABLE,
                RedisEndpoint::parse,
                List.of(
                        new Selection.Option<>(
                                "Docker " + IMAGE,
                                env -> DockerContainers.start(
                                        env,
                                        () -> new GenericContainer<>(DockerImageName.parse(IMAGE)),
                                        REDIS_PORT,
                                        RedisEndpoint::new)),
                        new Selection.Option<>("local redis-server", LocalRedis::start)));
    }
}
