package dev.ktx.ingest.connectors.metabase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ktx.ingest.core.config.Driver;
import dev.ktx.ingest.core.connector.ConnectorSettings;
import dev.ktx.ingest.core.connector.Connectors;
import org.junit.jupiter.api.Test;

class MetabaseConnectorTest {

    @Test
    void isFoundOnTheClassPathByItsDriver() {
        assertThat(Connectors.sources().forDriver(Driver.METABASE).adapter(ConnectorSettings.DEFAULTS))
                .isInstanceOf(MetabaseAdapter.class);
    }
}
