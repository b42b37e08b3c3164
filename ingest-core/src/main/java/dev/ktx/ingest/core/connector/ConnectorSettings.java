package dev.ktx.ingest.core.connector;

import dev.ktx.ingest.core.retry.RetryPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a worker tells its connectors about itself.
 *
 * @param cacheDir           where a connector keeps data between jobs (the dbt clones); empty: the connector's own default
 * @param httpConnectTimeout live APIs: time to open a connection
 * @param httpRequestTimeout live APIs: from sending a request until its response headers arrive (the read timeout)
 * @param httpRetry          live APIs: attempts and back-off for 429, 5xx, timeouts and connection failures
 */
public record ConnectorSettings(
        Optional<Path> cacheDir, Duration httpConnectTimeout, Duration httpRequestTimeout, RetryPolicy httpRetry) {

    public static final ConnectorSettings DEFAULTS = new ConnectorSettings(
            Optional.empty(),
            Duration.ofSeconds(10),
            Duration.ofSeconds(60),
            new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30)));

    public ConnectorSettings {
        Objects.requireNonNull(cacheDir, "cacheDir");
        Objects.requireNonNull(httpConnectTimeout, "httpConnectTimeout");
        Objects.requireNonNull(httpRequestTimeout, "httpRequestTimeout");
        Objects.requireNonNull(httpRetry, "httpRetry");
    }
}
