package dev.ktx.ingest.connectors.metabase;

import dev.ktx.ingest.connectors.http.ApiClients;
import dev.ktx.ingest.core.config.Driver;
import dev.ktx.ingest.core.connector.ConnectorSettings;
import dev.ktx.ingest.core.connector.SourceConnector;
import dev.ktx.ingest.core.source.SourceAdapter;

/** The {@code metabase} driver, registered in {@code META-INF/services}. */
public final class MetabaseConnector implements SourceConnector {

    @Override
    public Driver driver() {
        return Driver.METABASE;
    }

    @Override
    public SourceAdapter adapter(ConnectorSettings settings) {
        return new MetabaseAdapter(ApiClients.of(settings));
    }
}
