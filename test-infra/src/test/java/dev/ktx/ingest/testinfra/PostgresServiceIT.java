package dev.ktx.ingest.testinfra;

import static dev.ktx.ingest.testinfra.LocalPostgresIT.singleInt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostgresServiceIT {

    @Test
    void usesTheUrlFromTheEnvironmentWithoutAskingForDocker() {
        var environment = new Environment(
                Map.of(PostgresService.URL_VARIABLE, "jdbc:postgresql://10.1.2.3:5433/ktx?user=ingest"), () -> {
                    throw new AssertionError("Docker must not be consulted");
                });
        try (PostgresService postgres = PostgresService.start(environment)) {
            assertThat(postgres.origin()).isEqualTo(Origin.ENVIRONMENT);
            assertThat(postgres.endpoint()).isEqualTo(new PostgresEndpoint("10.1.2.3", 5433, "ingest", "ktx"));
        }
    }

    @Test
    void eachFlavorHasItsOwnVariable() {
        var environment = new Environment(
                Map.of(
                        PostgresService.URL_VARIABLE, "jdbc:postgresql://10.1.2.3:5433/stock",
                        PostgresService.PG_STAT_STATEMENTS_URL_VARIABLE, "jdbc:postgresql://10.1.2.3:5434/stats"),
                () -> false);
        try (PostgresService postgres = PostgresService.start(environment, PostgresService.Flavor.PG_STAT_STATEMENTS)) {
            assertThat(postgres.endpoint()).isEqualTo(new PostgresEndpoint("10.1.2.3", 5434, "postgres", "stats"));
        }
    }

    @Test
    void failureListsEveryWayTried() {
        var environment = new Environment(Map.of("KTX_TEST_PG_BIN", "/nonexistent/pg/bin"), () -> false);
        assertThatThrownBy(() -> PostgresService.start(environment))
                .isInstanceOf(InfraUnavailableException.class)
                .hasMessageContainingAll(
                        "KTX_TEST_POSTGRES_URL: not set",
                        "Docker postgres:15-alpine: no Docker engine available",
                        "local PostgreSQL: /nonexistent/pg/bin/initdb not found");
    }

    @Test
    void sharedServerHandsOutIsolatedFreshDatabases() throws Exception {
        PostgresService postgres = PostgresService.shared();
        PostgresEndpoint first = postgres.createDatabase();
        PostgresEndpoint second = postgres.createDatabase();

        assertThat(first.database())
                .isNotEqualTo(second.database())
                .isNotEqualTo(postgres.endpoint().database());
        try (Connection connection = DriverManager.getConnection(first.jdbcUrl());
                Statement statement = connection.createStatement()) {
            statement.execute("create table page (id int)");
        }
        try (Connection connection = DriverManager.getConnection(second.jdbcUrl());
                Statement statement = connection.createStatement()) {
            assertThat(singleInt(statement, "select count(*) from pg_tables where tablename = 'page'"))
                    .isZero();
        }
    }
}
