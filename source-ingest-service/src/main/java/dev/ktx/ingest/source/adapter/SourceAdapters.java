package dev.ktx.ingest.source.adapter;

import dev.ktx.ingest.core.config.ConnectionConfig;
import dev.ktx.ingest.core.config.Driver;
import dev.ktx.ingest.core.connector.ConnectorSettings;
import dev.ktx.ingest.core.connector.Connectors;
import dev.ktx.ingest.core.connector.NoConnectorException;
import dev.ktx.ingest.core.connector.SourceConnector;
import dev.ktx.ingest.core.retry.RetryPolicy;
import dev.ktx.ingest.core.source.SourceAdapter;
import dev.ktx.ingest.source.settings.SourceIngestSettings;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The adapter of each source driver whose connector is on the class path (the connector modules this service's
 * pom depends on); one instance serves every job (the dbt adapter's clone cache serialises the jobs of one
 * repository itself). A job of a driver without a connector fails its target, naming the driver.
 */
@ApplicationScoped
@Startup // the connectors found are logged, and a class path with two connectors for one driver fails, at boot
public class SourceAdapters {

    private static final Logger LOG = Logger.getLogger(SourceAdapters.class);

    private final Map<Driver, SourceAdapter> byDriver = new EnumMap<>(Driver.class);

    public SourceAdapters(SourceIngestSettings settings) {
        Connectors<SourceConnector> connectors = Connectors.sources();
        ConnectorSettings connectorSettings = connectorSettings(settings);
        connectors
                .drivers()
                .forEach(driver ->
                        byDriver.put(driver, connectors.forDriver(driver).adapter(connectorSettings)));
        LOG.infof(
                "source connectors on the class path: %s",
                byDriver.keySet().stream().map(Driver::wireName).collect(Collectors.joining(", ")));
    }

    /** The worker's settings as its connectors see them; what is not set keeps the connectors' defaults. */
    static ConnectorSettings connectorSettings(SourceIngestSettings settings) {
        ConnectorSettings defaults = ConnectorSettings.DEFAULTS;
        SourceIngestSettings.Http http = settings.http();
        RetryPolicy retry = defaults.httpRetry();
        return new ConnectorSettings(
                settings.cacheDir(),
                http.connectTimeout().orElse(defaults.httpConnectTimeout()),
                http.requestTimeout().orElse(defaults.httpRequestTimeout()),
                http.maxAttempts()
                        .map(attempts -> new RetryPolicy(attempts, retry.initialBackoff(), retry.maxBackoff()))
                        .orElse(retry));
    }

    public SourceAdapter forConnection(ConnectionConfig connection) {
        if (connection.driver().kind() != Driver.Kind.SOURCE) {
            throw new IllegalArgumentException(
                    connection.id() + ": driver " + connection.driver().wireName() + " is not a source driver");
        }
        return Optional.ofNullable(byDriver.get(connection.driver()))
                .orElseThrow(() -> new NoConnectorException(connection.driver()));
    }
}
