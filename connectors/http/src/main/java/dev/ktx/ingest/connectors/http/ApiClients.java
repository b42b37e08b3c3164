package dev.ktx.ingest.connectors.http;

import dev.ktx.ingest.core.connector.ConnectorSettings;
import dev.ktx.ingest.core.retry.Retrier;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Makes {@link ApiClient}s that share one JDK {@link HttpClient}. Redirects are not followed: a redirect to another
 * host would carry the credentials there. HTTP/1.1 only: both APIs speak it, and it spares plain-http endpoints
 * (proxies, stubs) the h2c upgrade request.
 */
public final class ApiClients {

    private final HttpClient http;
    private final HttpSettings settings;
    private final Retrier retrier;
    private final Clock clock;

    /** @param sleeper pauses between attempts; tests pass one that records instead of sleeping */
    public ApiClients(HttpSettings settings, Retrier.Sleeper sleeper, Clock clock) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.settings = settings;
        this.retrier = new Retrier(
                settings.retry(), sleeper, () -> ThreadLocalRandom.current().nextDouble());
        this.clock = clock;
    }

    public static ApiClients standard() {
        return of(ConnectorSettings.DEFAULTS);
    }

    /** Clients with the worker's timeouts and retry limits. */
    public static ApiClients of(ConnectorSettings settings) {
        return new ApiClients(HttpSettings.of(settings), Retrier.Sleeper.REAL, Clock.systemUTC());
    }

    /**
     * A client of one connection's API.
     *
     * @param system  the API's name in messages, e.g. {@code Notion}
     * @param baseUrl request paths are appended to it
     * @param headers sent with every request; they may hold the secret, so they appear in no message
     */
    public ApiClient client(String connectionId, String system, URI baseUrl, Map<String, String> headers) {
        return new ApiClient(
                http, settings, retrier, clock, new ApiClient.Target(connectionId, system, baseUrl, headers));
    }
}
