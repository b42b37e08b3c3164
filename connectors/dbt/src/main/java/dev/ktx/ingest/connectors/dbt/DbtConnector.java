package dev.ktx.ingest.connectors.dbt;

import dev.ktx.ingest.core.config.Driver;
import dev.ktx.ingest.core.connector.ConnectorSettings;
import dev.ktx.ingest.core.connector.SourceConnector;
import dev.ktx.ingest.core.source.SourceAdapter;

/** The {@code dbt} driver, registered in {@code META-INF/services}; clones go to the worker's cache directory. */
public final class DbtConnector implements SourceConnector {

    @Override
    public Driver driver() {
        return Driver.DBT;
    }

    @Override
    public SourceAdapter adapter(ConnectorSettings settings) {
        return new DbtAdapter(settings.cacheDir().orElseGet(DbtAdapter::defaultCacheDir));
    }
}
