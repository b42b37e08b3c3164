package dev.ktx.ingest.testinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointsTest {

    @Test
    void redisUriRoundTrips() {
        RedisEndpoint endpoint = RedisEndpoint.parse("redis://127.0.0.1:6380");
        assertThat(endpoint).isEqualTo(new RedisEndpoint("127.0.0.1", 6380));
        assertThat(endpoint.uri()).isEqualTo("redis://127.0.0.1:6380");
        assertThat(RedisEndpoint.parse("redis://cache").port()).isEqualTo(6379);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rediss://h:1", "redis://:secret@h:1", "redis://h:1/2", "h:6379"})
    void redisUriWithPartsTheEndpointCannotCarryIsRejected(String uri) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RedisEndpoint.parse(uri))
                .withMessageContaining(uri);
    }

    @Test
    void postgresJdbcUrlRoundTrips() {
        String url = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
        PostgresEndpoint endpoint = PostgresEndpoint.parse(url);
        assertThat(endpoint).isEqualTo(new PostgresEndpoint("127.0.0.1", 5432, "postgres", "postgres"));
        assertThat(endpoint.jdbcUrl()).isEqualTo(url);
        assertThat(PostgresEndpoint.parse("jdbc:postgresql://db/ktx"))
                .isEqualTo(new PostgresEndpoint("db", 5432, "postgres", "ktx"));
        assertThat(endpoint.withDatabase("other").jdbcUrl())
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/other?user=postgres");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "postgresql://h/db",
                "jdbc:postgresql://h/",
                "jdbc:postgresql://h/db?user=u&password=p",
                "jdbc:mysql://h/db"
            })
    void postgresUrlWithPartsTheEndpointCannotCarryIsRejected(String url) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PostgresEndpoint.parse(url))
                .withMessageContaining(url);
    }
}
