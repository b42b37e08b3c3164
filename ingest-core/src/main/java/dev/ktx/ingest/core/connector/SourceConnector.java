package dev.ktx.ingest.core.connector;

import dev.ktx.ingest.core.config.Driver;
import dev.ktx.ingest.core.source.SourceAdapter;

/**
 * A source driver's entry point, found on a source worker's class path with {@link java.util.ServiceLoader}: a
 * connector module registers its implementation in
 * {@code META-INF/services/dev.ktx.ingest.core.connector.SourceConnector} (docs/connectors.md, "Adding a connector").
 */
public interface SourceConnector {

    /** The driver whose connections this connector serves. */
    Driver driver();

    /** The adapter for every job of the worker; it must be safe to use from concurrent jobs. */
    SourceAdapter adapter(ConnectorSettings settings);
}
