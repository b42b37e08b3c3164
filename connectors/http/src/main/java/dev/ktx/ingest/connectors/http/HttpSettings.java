package dev.ktx.ingest.connectors.http;

import dev.ktx.ingest.core.connector.ConnectorSettings;
import dev.ktx.ingest.core.retry.RetryPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * Timeouts and retries of the live source APIs.
 *
 * @param connectTimeout to open a connection
 * @param requestTimeout from sending a request until its response headers arrive (the read timeout)
 * @param retry          attempts and back-off for 429, 5xx, timeouts and connection failures
 */
public record HttpSettings(Duration connectTimeout, Duration requestTimeout, RetryPolicy retry) {

    public static final HttpSettings DEFAULTS = of(ConnectorSettings.DEFAULTS);

    /** The HTTP part of a worker's connector settings. */
    public static HttpSettings of(ConnectorSettings settings) {
        return new HttpSettings(settings.httpConnectTimeout(), settings.httpRequestTimeout(), settings.httpRetry());
    }

    public HttpSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(retry, "retry");
    }
}
