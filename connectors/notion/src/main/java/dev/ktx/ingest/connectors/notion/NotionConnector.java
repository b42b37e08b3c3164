package dev.ktx.ingest.connectors.notion;

import dev.ktx.ingest.connectors.http.ApiClients;
import dev.ktx.ingest.core.config.Driver;
import dev.ktx.ingest.core.connector.ConnectorSettings;
import dev.ktx.ingest.core.connector.SourceConnector;
import dev.ktx.ingest.core.source.SourceAdapter;

/** The {@code notion} driver, registered in {@code META-INF/services}. */
public final class NotionConnector implements SourceConnector {

    @Override
    public Driver driver() {
        return Driver.NOTION;
    }

    @Override
    public SourceAdapter adapter(ConnectorSettings settings) {
        return new NotionAdapter(ApiClients.of(settings));
    }
}
