package dev.ktx.ingest.cli.stack;

import dev.ktx.ingest.cli.CliEnvironment;
import dev.ktx.ingest.cli.CliException;
import dev.ktx.ingest.localstack.Executables;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code $KTX_REDIS_URL} if set, else a {@code redis-server} without persistence on a free loopback port. */
final class RedisServer extends ProcessComponent {

    private static final String HOST = "127.0.0.1";

    RedisServer(CliEnvironment environment, StackLayout layout) {
        super("redis", StackEnv.REDIS_URL, environment, layout);
    }

    @Override
    Optional<String> external() {
        return environment.variable(StackEnv.REDIS_URL);
    }

    @Override
    Launch launch(StackEnv endpoints) {
        String server = Executables.onPath("redis-server")
                .orElseThrow(() -> new CliException(
                        "redis-server not found on PATH: install Redis, or point the stack at one with KTX_REDIS_URL"))
                .toString();
        int port = Ports.free();
        return new Launch(
                List.of(
                        server,
                        "--port",
                        Integer.toString(port),
                        "--bind",
                        HOST,
                        "--save",
                        "",
                        "--appendonly",
                        "no",
                        "--dir",
                        layout.dir().toString()),
                Map.of(),
                "redis://" + HOST + ":" + port);
    }

    @Override
    boolean isReady(String endpoint) throws IOException {
        URI uri = URI.create(endpoint);
        return Sockets.answersRedisPing(uri.getHost(), uri.getPort());
    }
}
