package dev.ktx.ingest.database.connector;

import dev.ktx.ingest.core.config.ConnectionConfig;
import dev.ktx.ingest.core.config.Driver;
import dev.ktx.ingest.core.connector.Connectors;
import dev.ktx.ingest.core.connector.DatabaseConnector;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The connector of each database driver on the class path (the connector modules this service's pom depends on).
 * A job of a driver without a connector fails its target, naming the driver.
 */
@Singleton // no client proxy: its constructor would run (and log) a second time
@Startup // the connectors found are logged, and a class path with two connectors for one driver fails, at boot
public class DatabaseConnectors {

    private static final Logger LOG = Logger.getLogger(DatabaseConnectors.class);

    private final Connectors<DatabaseConnector> connectors = Connectors.databases();

    public DatabaseConnectors() {
        LOG.infof(
                "database connectors on the class path: %s",
                connectors.drivers().stream().map(Driver::wireName).collect(Collectors.joining(", ")));
    }

    public DatabaseConnector forConnection(ConnectionConfig connection) {
        if (connection.driver().kind() != Driver.Kind.DATABASE) {
            throw new IllegalArgumentException(connection.id() + " is not a database connection");
        }
        return connectors.forDriver(connection.driver());
    }
}
