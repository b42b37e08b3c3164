package dev.ktx.ingest.connectors.notion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ktx.ingest.core.config.Driver;
import dev.ktx.ingest.core.connector.ConnectorSettings;
import dev.ktx.ingest.core.connector.Connectors;
import org.junit.jupiter.api.Test;

class NotionConnectorTest {

    @Test
    void isFoundOnTheClassPathByItsDriver() {
        assertThat(Connectors.sources().forDriver(Driver.NOTION).adapter(ConnectorSettings.DEFAULTS))
                .isInstanceOf(NotionAdapter.class);
    }
}
