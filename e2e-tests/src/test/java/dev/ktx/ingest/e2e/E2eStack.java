package dev.ktx.ingest.e2e;

import dev.ktx.ingest.cli.CliEnvironment;
import dev.ktx.ingest.cli.Ktx;
import dev.ktx.ingest.testinfra.KafkaEndpoint;
import dev.ktx.ingest.testinfra.PostgresEndpoint;
import dev.ktx.ingest.testinfra.PostgresService;
import dev.ktx.ingest.testinfra.RedisService;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The local stack as users run it: {@code ktx stack up} starts a Kafka broker and the four packaged services as
 * separate processes, on a private Redis and a private PostgreSQL holding the demo warehouse. Commands run through
 * the real CLI entry point.
 */
final class E2eStack implements AutoCloseable {

    static final Path HOME = Path.of(System.getProperty(CliEnvironment.HOME_PROPERTY, ".."))
            .toAbsolutePath()
            .normalize();

    private final Optional<RedisService> redis;
    private final CliEnvironment environment;

    private E2eStack(Optional<RedisService> redis, CliEnvironment environment) {
        this.redis = redis;
        this.environment = environment;
    }

    /** @param settings extra environment for the services, e.g. {@code KTX_SOURCE_INGEST_MIN_JOB_DURATION} */
    static E2eStack up(Map<String, String> settings) throws Exception {
        return up(settings, true);
    }

    /**
     * @param privateRedis false: {@code ktx stack up} starts its own {@code redis-server}, a stack process with a pid
     *                     file like the broker's (fault drills kill and restart it)
     */
    static E2eStack up(Map<String, String> settings, boolean privateRedis) throws Exception {
        Optional<RedisService> redis = privateRedis ? Optional.of(RedisService.start()) : Optional.empty();
        PostgresEndpoint warehouse = PostgresService.shared().createDatabase();
        loadDemoWarehouse(warehouse);
        Map<String, String> variables = new HashMap<>(System.getenv());
        variables.remove("KAFKA_BOOTSTRAP_SERVERS");
        variables.put(
                "KTX_STACK_DIR", Files.createTempDirectory("ktx-e2e-stack").toString());
        redis.ifPresent(
                server -> variables.put("KTX_REDIS_URL", server.endpoint().uri()));
        variables.put("WAREHOUSE_URL", warehouse.jdbcUrl());
        variables.put(
                "KTX_REPOS_ROOT", Files.createDirectories(DemoProject.PROJECTS).toString());
        variables.putAll(settings);
        E2eStack stack = new E2eStack(redis, new CliEnvironment(variables, Clock.systemUTC(), HOME));
        Result up = stack.ktx("stack", "up");
        if (up.exitCode() != 0) {
            stack.close();
            throw new IllegalStateException("ktx stack up failed:\n" + up.out() + up.err());
        }
        return stack;
    }

    Result ktx(String... args) {
        return ktx(new StringWriter(), new StringWriter(), args);
    }

    /** With the caller's writers, which another thread may read while the command runs. */
    Result ktx(StringWriter out, StringWriter err, String... args) {
        int exitCode = Ktx.execute(environment, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    CliEnvironment environment() {
        return environment;
    }

    Path stackDir() {
        return Path.of(environment.variables().get("KTX_STACK_DIR"));
    }

    /** What {@code ktx stack up} wrote: endpoints of the broker, Redis and each service. */
    Map<String, String> endpoints() throws Exception {
        Map<String, String> values = new HashMap<>();
        for (String line : Files.readAllLines(stackDir().resolve("stack.env"))) {
            int equals = line.indexOf('=');
            if (equals > 0 && !line.startsWith("#")) {
                values.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return values;
    }

    KafkaEndpoint kafka() throws Exception {
        return KafkaEndpoint.parse(endpoints().get("KAFKA_BOOTSTRAP_SERVERS"));
    }

    private static void loadDemoWarehouse(PostgresEndpoint warehouse) throws Exception {
        String sql = Files.readString(HOME.resolve("examples/acme/warehouse/schema.sql"));
        try (Connection connection = DriverManager.getConnection(warehouse.jdbcUrl());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public void close() {
        ktx("stack", "down");
        redis.ifPresent(RedisService::close);
    }

    record Result(int exitCode, String out, String err) {}
}
