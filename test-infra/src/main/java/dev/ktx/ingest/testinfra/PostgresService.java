package dev.ktx.ingest.testinfra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * A PostgreSQL server for tests: the one named by {@value #URL_VARIABLE}, else a {@value #IMAGE} container, else a
 * local cluster from the binaries in {@code KTX_TEST_PG_BIN} (default {@code /usr/lib/postgresql/15/bin}).
 * Authentication is trust; the user is {@code postgres}.
 */
public final class PostgresService extends InfraService<PostgresEndpoint> {

    public static final String URL_VARIABLE = "KTX_TEST_POSTGRES_URL";
    public static final String IMAGE = "postgres:15-alpine";
    private static final int POSTGRES_PORT = 5432;

    private static PostgresService shared;

    private PostgresService(Started<PostgresEndpoint> started, boolean shared) {
        super(started, shared);
    }

    /** A server of one's own (unless the environment names one); close it when done. */
    public static PostgresService start() {
        return start(Environment.system());
    }

    public static PostgresService start(Environment environment) {
        return new PostgresService(select(environment), false);
    }

    /** One server for the whole JVM, started on first use and stopped at JVM shutdown; close does nothing. */
    public static synchronized PostgresService shared() {
        if (shared == null) {
            shared = new PostgresService(select(Environment.system()), true);
        }
        return shared;
    }

    /**
     * Creates an empty database with a unique name on this server, so tests sharing a server (an external one
     * especially) do not see each other's tables. It is not dropped: it goes with the server, or stays on an
     * external one.
     */
    public PostgresEndpoint createDatabase() {
        String name = "ktx_test_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = DriverManager.getConnection(endpoint().jdbcUrl());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name + " on " + endpoint(), e);
        }
        return endpoint().withDatabase(name);
    }

    private static Started<PostgresEndpoint> select(Environment environment) {
        return Selection.select("PostgreSQL", environment, URL_VARIABLE, PostgresEndpoint::parse, List.of(
                new Selection.Option<>("Docker " + IMAGE, env -> DockerContainers.start(env,
                        PostgresService::container, POSTGRES_PORT,
                        (host, port) -> new PostgresEndpoint(host, port, "postgres", "postgres"))),
                new Selection.Option<>("local PostgreSQL", LocalPostgres::start)));
    }

    private static GenericContainer<?> container() {
        return new GenericContainer<>(DockerImageName.parse(IMAGE))
                .withEnv("POSTGRES_HOST_AUTH_METHOD", "trust")
                .withCommand("postgres", "-c", "fsync=off")
                // The image's entrypoint starts the server twice (init, then for real): wait for the second.
                .waitingFor(Wait.forLogMessage(".*database system is ready to accept connections.*\\n", 2));
    }
}
