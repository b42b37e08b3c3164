package dev.ktx.ingest.e2e;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Readiness of each kind of stack process, as {@code ktx stack up} judges it. */
final class Probes {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    private Probes() {}

    /** {@code /q/health/ready} answers 200: Kafka, Redis and git reachable. */
    static StackProcess.Probe service(String baseUrl) {
        return () -> HTTP.send(
                                HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready"))
                                        .timeout(TIMEOUT)
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode()
                == 200;
    }

    /** The broker answers metadata requests. */
    static StackProcess.Probe kafka(String bootstrapServers) {
        return () -> {
            try (Admin admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    bootstrapServers,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                    5000,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                    5000))) {
                return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
            }
        };
    }

    /** Redis answers {@code PING}. */
    static StackProcess.Probe redis(String uri) {
        URI address = URI.create(uri);
        return () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(address.getHost(), address.getPort()), (int) TIMEOUT.toMillis());
                socket.setSoTimeout((int) TIMEOUT.toMillis());
                socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
                return "+PONG"
                        .equals(new BufferedReader(
                                        new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                                .readLine());
            }
        };
    }
}
