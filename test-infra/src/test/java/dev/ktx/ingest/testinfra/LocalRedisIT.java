package dev.ktx.ingest.testinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileNotFoundException;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

class LocalRedisIT {

    @Test
    void servesRedissonAndFreesItsPortWhenClosed() throws Exception {
        RedisEndpoint endpoint;
        try (Started<RedisEndpoint> redis = LocalRedis.start("redis-server")) {
            endpoint = redis.endpoint();
            assertThat(redis.origin()).isEqualTo(Origin.LOCAL);
            RedissonClient client = redissonOn(endpoint);
            try {
                client.getBucket("greeting").set("hello");
                assertThat(client.<String>getBucket("greeting").get()).isEqualTo("hello");
            } finally {
                client.shutdown();
            }
        }
        assertThat(Ports.isListening(endpoint.host(), endpoint.port())).isFalse();
    }

    @Test
    void missingBinaryIsNamedWithTheVariableThatLocatesIt() {
        assertThatThrownBy(() -> LocalRedis.start("/nonexistent/redis-server"))
                .isInstanceOf(FileNotFoundException.class)
                .hasMessageContaining("/nonexistent/redis-server")
                .hasMessageContaining(LocalRedis.SERVER_VARIABLE);
    }

    static RedissonClient redissonOn(RedisEndpoint endpoint) {
        Config config = new Config();
        config.useSingleServer().setAddress(endpoint.uri());
        return Redisson.create(config);
    }
}
