package dev.ktx.ingest.testinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RedisServiceIT {

    private static final Environment NO_DOCKER = new Environment(Map.of(), () -> false);

    @Test
    void usesTheUrlFromTheEnvironmentWithoutAskingForDocker() {
        var environment = new Environment(Map.of(RedisService.URL_VARIABLE, "redis://10.1.2.3:6390"), () -> {
            throw new AssertionError("Docker must not be consulted");
        });
        try (RedisService redis = RedisService.start(environment)) {
            assertThat(redis.origin()).isEqualTo(Origin.ENVIRONMENT);
            assertThat(redis.endpoint()).isEqualTo(new RedisEndpoint("10.1.2.3", 6390));
        }
    }

    @Test
    void withoutEnvironmentOrDockerStartsALocalServer() {
        RedisEndpoint endpoint;
        try (RedisService redis = RedisService.start(NO_DOCKER)) {
            endpoint = redis.endpoint();
            assertThat(redis.origin()).isEqualTo(Origin.LOCAL);
            assertThat(Ports.isListening(endpoint.host(), endpoint.port())).isTrue();
        }
        assertThat(Ports.isListening(endpoint.host(), endpoint.port())).isFalse();
    }

    @Test
    void failureListsEveryWayTried() {
        var environment = new Environment(Map.of("KTX_TEST_REDIS_SERVER", "/nonexistent/redis-server"), () -> false);
        assertThatThrownBy(() -> RedisService.start(environment))
                .isInstanceOf(InfraUnavailableException.class)
                .hasMessageContainingAll(
                        "KTX_TEST_REDIS_URL: not set",
                        "Docker redis:7-alpine: no Docker engine available",
                        "local redis-server: /nonexistent/redis-server not found");
    }

    @Test
    void theSharedServerIsStartedOnceAndSurvivesClose() {
        RedisService shared = RedisService.shared();
        shared.close();

        assertThat(RedisService.shared()).isSameAs(shared);
        RedisEndpoint endpoint = shared.endpoint();
        assertThat(Ports.isListening(endpoint.host(), endpoint.port())).isTrue();
    }
}
