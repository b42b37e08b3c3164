package dev.ktx.ingest.core.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ktx.ingest.core.config.Driver;
import org.junit.jupiter.api.Test;

class ConnectorsTest {

    @Test
    void aDriverWithoutAConnectorIsNamedInTheError() {
        // ingest-core's own class path holds no connector module: every driver is missing
        Connectors<SourceConnector> sources = Connectors.sources();

        assertThat(sources.drivers()).isEmpty();
        assertThatThrownBy(() -> sources.forDriver(Driver.METABASE))
                .isInstanceOf(NoConnectorException.class)
                .hasMessage("no connector for driver metabase on this worker's class path");
    }

    @Test
    void twoConnectorsForOneDriverAreRefused() {
        // both are registered in this module's test resources, META-INF/services
        assertThatThrownBy(() -> Connectors.load(Probe.class, Probe::driver))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("two connectors for driver notion on the class path: " + FirstNotion.class.getName()
                        + " and " + SecondNotion.class.getName());
    }

    /** A connector kind of this test only, so that no real service sees these registrations. */
    public interface Probe {
        Driver driver();
    }

    public static final class FirstNotion implements Probe {
        @Override
        public Driver driver() {
            return Driver.NOTION;
        }
    }

    public static final class SecondNotion implements Probe {
        @Override
        public Driver driver() {
            return Driver.NOTION;
        }
    }
}
