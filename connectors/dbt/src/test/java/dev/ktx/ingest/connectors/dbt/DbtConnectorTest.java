package dev.ktx.ingest.connectors.dbt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ktx.ingest.core.config.Driver;
import dev.ktx.ingest.core.connector.ConnectorSettings;
import dev.ktx.ingest.core.connector.Connectors;
import org.junit.jupiter.api.Test;

class DbtConnectorTest {

    @Test
    void isFoundOnTheClassPathByItsDriver() {
        assertThat(Connectors.sources().forDriver(Driver.DBT).adapter(ConnectorSettings.DEFAULTS))
                .isInstanceOf(DbtAdapter.class);
    }
}
