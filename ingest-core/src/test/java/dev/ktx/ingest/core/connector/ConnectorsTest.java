package dev.ktx.ingest.core.connector;

import dev.ktx.ingest.core.config.Driver;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ingest-core's own class path holds no connector module: every driver is missing. */
class ConnectorsTest {

    @Test
    void aDriverWithoutAConnectorIsNamedInTheError() {
        Connectors<SourceConnector> sources = Connectors.sources();

        assertThat(sources.drivers()).isEmpty();
        assertThatThrownBy(() -> sources.forDriver(Driver.METABASE))
                .isInstanceOf(NoConnectorException.class)
                .hasMessage("no connector for driver metabase on this worker's class path");
    }
}
