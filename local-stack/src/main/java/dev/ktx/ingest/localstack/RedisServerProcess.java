package dev.ktx.ingest.localstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * A {@code redis-server} of one's own, as {@code ktx stack} and test-infra's local Redis start it: on a loopback
 * port, without persistence (no snapshots, no append-only file), its files in a directory of its own.
 */
public final class RedisServerProcess {

    public static final String HOST = "127.0.0.1";

    private RedisServerProcess() {}

    /** The command line of the {@code redis-server} executable {@code server} on {@code port}, in {@code dir}. */
    public static List<String> command(Path server, int port, Path dir) {
        return List.of(
                server.toString(),
                "--port",
                Integer.toString(port),
                "--bind",
                HOST,
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                dir.toString());
    }

    /** Ready means answering commands, not just accepting connections. */
    public static boolean answersPing(String host, int port, int timeoutMillis) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            var reply = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            return "+PONG".equals(reply.readLine());
        }
    }
}
