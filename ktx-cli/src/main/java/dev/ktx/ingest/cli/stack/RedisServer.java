package dev.ktx.ingest.cli.stack;

import dev.ktx.ingest.cli.CliEnvironment;
import dev.ktx.ingest.cli.CliException;
import dev.ktx.ingest.localstack.Executables;
import dev.ktx.ingest.localstack.RedisServerProcess;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** {@code $KTX_REDIS_URL} if set, else a {@code redis-server} without persistence on a free loopback port. */
final class RedisServer extends ProcessComponent {

    RedisServer(CliEnvironment environment, StackLayout layout) {
        super("redis", StackEnv.REDIS_URL, environment, layout);
    }

    @Override
    Optional<String> external() {
        return environment.variable(StackEnv.REDIS_URL);
    }

    @Override
    Launch launch(StackEnv endpoints) {
        Path server = Executables.onPath("redis-server")
                .orElseThrow(() -> new CliException(
                        "redis-server not found on PATH: install Redis, or point the stack at one with KTX_REDIS_URL"));
        int port = Ports.free();
        return new Launch(
                RedisServerProcess.command(server, port, layout.dir()),
                Map.of(),
                "redis://" + RedisServerProcess.HOST + ":" + port);
    }

    @Override
    boolean isReady(String endpoint) throws IOException {
        URI uri = URI.create(endpoint);
        return RedisServerProcess.answersPing(uri.getHost(), uri.getPort(), Sockets.TIMEOUT_MILLIS);
    }
}
