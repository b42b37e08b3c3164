package dev.ktx.ingest.connectors.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ktx.ingest.core.config.Driver;
import dev.ktx.ingest.core.connector.Connectors;
import org.junit.jupiter.api.Test;

class PostgresDatabaseConnectorTest {

    @Test
    void isFoundOnTheClassPathByItsDriver() {
        assertThat(Connectors.databases().forDriver(Driver.POSTGRES)).isInstanceOf(PostgresDatabaseConnector.class);
    }
}
