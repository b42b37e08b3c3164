package dev.ktx.ingest.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Every compose service sets the variables its application.properties needs from a container. */
class ServiceEnvironmentTest {

    private static final List<String> SERVICES = ComposeFile.KTX_SERVICES;
    private static final ComposeFile COMPOSE = ComposeFile.load();

    @ParameterizedTest
    @FieldSource("SERVICES")
    void setsEveryVariableTheServiceReads(String service) {
        assertSetsEveryVariable(service, ServiceProperties.of(service));
    }

    @Test
    void findsRequiredVariablesAndTheContainerOverrides() {
        ServiceProperties fixture = ServiceProperties.load(fixture());

        assertThat(fixture.variablesToSet()).containsExactly("KAFKA_BOOTSTRAP_SERVERS", "KTX_PLANNER_PORT", "NEW_VAR");
        assertThat(fixture.httpPortVariable()).isEqualTo("KTX_PLANNER_PORT");
    }

    /** The fixture differs from the planner's real reads only by NEW_VAR, which compose does not set. */
    @Test
    void aNewRequiredVariableFailsTheCheck() {
        ServiceProperties fixture = ServiceProperties.load(fixture());

        assertThatThrownBy(() -> assertSetsEveryVariable("planner-service", fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("NEW_VAR");
    }

    private static void assertSetsEveryVariable(String service, ServiceProperties properties) {
        assertThat(COMPOSE.environment(service))
                .as("environment of compose service %s", service)
                .containsKeys(properties.variablesToSet().toArray(String[]::new));
    }

    private static Path fixture() {
        return Path.of("src/test/resources/fixtures/new-variable.properties");
    }
}
