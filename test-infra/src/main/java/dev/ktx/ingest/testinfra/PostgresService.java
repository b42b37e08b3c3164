package dev.ktx.ingest.testinfra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * A PostgreSQL server for tests: the one named by the {@link Flavor}'s URL variable, else a {@value #IMAGE}
 * container, else a local cluster from the binaries in {@code KTX_TEST_PG_BIN} (default
 * {@code /usr/lib/postgresql/15/bin}). Authentication is trust; the user is {@code postgres}, a superuser.
 */
public final class PostgresService extends InfraService<PostgresEndpoint> {

    public static final String URL_VARIABLE = "KTX_TEST_POSTGRES_URL";
    public static final String PG_STAT_STATEMENTS_URL_VARIABLE = "KTX_TEST_POSTGRES_PG_STAT_STATEMENTS_URL";
    public static final String IMAGE = "postgres:15-alpine";
    private static final int POSTGRES_PORT = 5432;

    /** How the server is configured; an external server named by {@link #urlVariable} must be configured the same. */
    public enum Flavor {
        /** Stock settings. */
        STOCK(URL_VARIABLE, List.of()),
        /** {@code pg_stat_statements} preloaded and tracking top-level statements; CREATE EXTENSION is left to tests. */
        PG_STAT_STATEMENTS(
                PG_STAT_STATEMENTS_URL_VARIABLE,
                List.of("shared_preload_libraries=pg_stat_statements", "pg_stat_statements.track=top"));

        private final String urlVariable;
        private final List<String> settings;

        Flavor(String urlVariable, List<String> settings) {
            this.urlVariable = urlVariable;
            this.settings = settings;
        }

        public String urlVariable() {
            return urlVariable;
        }

        /**
         * The server's {@code -c name=value} options: durability off (the data is thrown away), then the flavor's
         * settings.
         */
        List<String> serverOptions() {
            List<String> options = new ArrayList<>(List.of("-c", "fsync=off"));
            settings.forEach(setting -> options.addAll(List.of("-c", setting)));
            return options;
        }
    }

    private static final Map<Flavor, PostgresService> SHARED = new EnumMap<>(Flavor.class);

    private PostgresService(Started<PostgresEndpoint> started, boolean shared) {
        super(started, shared);
    }

    /** A server of one's own (unless the environment names one); close it when done. */
    public static PostgresService start() {
        return start(Environment.system());
    }

    public static PostgresService start(Environment environment) {
        return start(environment, Flavor.STOCK);
    }

    public static PostgresService start(Environment environment, Flavor flavor) {
        return new PostgresService(select(environment, flavor), false);
    }

    /** One stock server for the whole JVM, started on first use and stopped at JVM shutdown; close does nothing. */
    public static PostgresService shared() {
        return shared(Flavor.STOCK);
    }

    /** Like {@link #shared()}, one server per flavor. */
    public static synchronized PostgresService shared(Flavor flavor) {
        return SHARED.computeIfAbsent(flavor, f -> new PostgresService(select(Environment.system(), f), true));
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

    private static Started<PostgresEndpoint> select(Environment environment, Flavor flavor) {
        return Selection.select(
                "PostgreSQL",
                environment,
                flavor.urlVariable(),
                PostgresEndpoint::parse,
                List.of(
                        new Selection.Option<>(
                                "Docker " + IMAGE,
                                env -> DockerContainers.start(
                                        env,
                                        () -> container(flavor),
                                        POSTGRES_PORT,
                                        (host, port) -> new PostgresEndpoint(host, port, "postgres", "postgres"))),
                        new Selection.Option<>(
                                "local PostgreSQL", env -> LocalPostgres.start(env, flavor.serverOptions()))));
    }

    private static GenericContainer<?> container(Flavor flavor) {
        List<String> command = new ArrayList<>(List.of("postgres"));
        command.addAll(flavor.serverOptions());
        return new GenericContainer<>(DockerImageName.parse(IMAGE))
                .withEnv("POSTGRES_HOST_AUTH_METHOD", "trust")
                .withCommand(command.toArray(String[]::new))
                // The image's entrypoint starts the server twice (init, then for real): wait for the second.
                .waitingFor(Wait.forLogMessage(".*database system is ready to accept connections.*\\n", 2));
    }
}
