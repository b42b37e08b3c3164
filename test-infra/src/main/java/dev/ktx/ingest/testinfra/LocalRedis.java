package dev.ktx.ingest.testinfra;

import dev.ktx.ingest.localstack.Executables;
import dev.ktx.ingest.localstack.FreePort;
import dev.ktx.ingest.localstack.RedisServerProcess;
import dev.ktx.ingest.localstack.TempDirs;
import java.nio.file.Path;
import java.time.Duration;

/** A private {@code redis-server} on a free loopback port, without persistence, in its own temporary directory. */
final class LocalRedis {

    static final String SERVER_VARIABLE = "KTX_TEST_REDIS_SERVER";
    private static final String DEFAULT_SERVER = "redis-server";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final int PROBE_TIMEOUT_MILLIS = 500;

    private LocalRedis() {}

    /** Uses {@code KTX_TEST_REDIS_SERVER} if set, else {@code redis-server} from PATH. */
    static Started<RedisEndpoint> start(Environment environment) throws Exception {
        return start(environment.variable(SERVER_VARIABLE).orElse(DEFAULT_SERVER));
    }

    static Started<RedisEndpoint> start(String serverProgram) throws Exception {
        Path server = Executables.require(serverProgram, SERVER_VARIABLE);
        Path dir = TempDirs.create(TempDirs.SYSTEM_TEMP, "ktx-redis-");
        try {
            RedisEndpoint endpoint = new RedisEndpoint(RedisServerProcess.HOST, FreePort.find());
            LocalProcess process = LocalProcess.start(
                    "redis-server",
                    RedisServerProcess.command(server, endpoint.port(), dir),
                    dir.resolve("redis.log"),
                    () -> RedisServerProcess.answersPing(endpoint.host(), endpoint.port(), PROBE_TIMEOUT_MILLIS),
                    START_TIMEOUT);
            return Started.of(endpoint, Origin.LOCAL, "local " + process, () -> {
                process.close();
                TempDirs.delete(dir);
            });
        } catch (Exception e) {
            TempDirs.delete(dir);
            throw e;
        }
    }
}
