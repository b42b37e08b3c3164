package dev.ktx.ingest.testinfra;

import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.testcontainers.DockerClientFactory;

/**
 * What the services consult to choose where a service comes from: environment variables and whether a Docker
 * engine is reachable. Injectable so the selection can be tested without touching the real process environment.
 */
public record Environment(Map<String, String> variables, BooleanSupplier dockerAvailable) {

    public Environment {
        variables = Map.copyOf(variables);
    }

    /** The real process environment; Docker availability is asked of Testcontainers only when needed. */
    public static Environment system() {
        return new Environment(
                System.getenv(), () -> DockerClientFactory.instance().isDockerAvailable());
    }

    /** A variable's value; blank counts as unset so {@code VAR=} can switch an override off. */
    public Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name)).filter(value -> !value.isBlank());
    }

    public boolean isDockerAvailable() {
        return dockerAvailable.getAsBoolean();
    }
}
