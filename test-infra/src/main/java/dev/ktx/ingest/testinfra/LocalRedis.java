package dev.ktx.ingest.testinfra;

import dev.ktx.ingest.localstack.Executables;
import dev.ktx.ingest.localstack.FreePort;
import dev.ktx.ingest.localstack.TempDirs;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A private {@code redis-server} on a free loopback port, without persistence, in its own temporary directory. */
final class LocalRedis {

    static final String SERVER_VARIABLE = "KTX_TEST_REDIS_SERVER";
    private static final String DEFAULT_SERVER = "redis-server";
    private static final String HOST = "127.0.0.1";
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
            RedisEndpoint endpoint = new RedisEndpoint(HOST, FreePort.find());
            LocalProcess process = LocalProcess.start(
                    "redis-server",
                    List.of(
                            server.toString(),
                            "--port",
                            Integer.toString(endpoint.port()),
                            "--bind",
                            HOST,
                            "--save",
                            "",
                            "--appendonly",
                            "no",
                            "--dir",
                            dir.toString()),
                    dir.resolve("redis.log"),
                    () -> answersPing(endpoint),
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

    /** Ready means answering commands, not just accepting connections. */
    private static boolean answersPing(RedisEndpoint endpoint) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), PROBE_TIMEOUT_MILLIS);
            socket.setSoTimeout(PROBE_TIMEOUT_MILLIS);
            socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            var reply = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            return "+PONG".equals(reply.readLine());
        }
    }
}
