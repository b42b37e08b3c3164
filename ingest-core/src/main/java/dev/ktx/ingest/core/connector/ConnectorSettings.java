package dev.ktx.ingest.core.connector;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What a worker tells its connectors about itself.
 *
 * @param cacheDir where a connector keeps data between jobs (the dbt clones); empty: the connector's own default
 */
public record ConnectorSettings(Optional<Path> cacheDir) {

    public static final ConnectorSettings DEFAULTS = new ConnectorSettings(Optional.empty());

    public ConnectorSettings {
        Objects.requireNonNull(cacheDir, "cacheDir");
    }
}
