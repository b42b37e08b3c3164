package dev.ktx.ingest.connectors.http;

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

    public static final HttpSettings DEFAULTS = new HttpSettings(Duration.ofSeconds(10), Duration.ofSeconds(60),
            new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30)));

    public HttpSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(retry, "retry");
    }
}
