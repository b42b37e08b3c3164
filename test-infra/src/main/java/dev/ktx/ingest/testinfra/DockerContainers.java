package dev.ktx.ingest.testinfra;

import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.testcontainers.containers.GenericContainer;

/** Starts a Testcontainers container when a Docker engine is reachable. */
final class DockerContainers {

    private DockerContainers() {}

    /**
     * @param container created only once Docker is known to be there
     * @param endpoint builds the endpoint from the host and the port mapped to {@code containerPort}
     */
    static <E> Started<E> start(
            Environment environment,
            Supplier<GenericContainer<?>> container,
            int containerPort,
            BiFunction<String, Integer, E> endpoint) {
        Supplier<GenericContainer<?>> exposing = () -> {
            GenericContainer<?> created = container.get();
            created.addExposedPort(containerPort);
            return created;
        };
        return start(
                environment,
                exposing,
                started -> endpoint.apply(started.getHost(), started.getMappedPort(containerPort)));
    }

    /** @param endpoint reads the endpoint off the started container (for containers that know their own) */
    static <C extends GenericContainer<?>, E> Started<E> start(
            Environment environment, Supplier<C> container, Function<? super C, E> endpoint) {
        if (!environment.isDockerAvailable()) {
            throw new IllegalStateException("no Docker engine available");
        }
        C started = container.get();
        try {
            started.start();
        } catch (RuntimeException e) {
            started.stop();
            throw e;
        }
        return Started.of(
                endpoint.apply(started), Origin.DOCKER, "container " + started.getDockerImageName(), started::stop);
    }
}
