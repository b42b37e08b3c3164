package dev.ktx.ingest.testinfra;

import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.testcontainers.containers.GenericContainer;

/** Starts a Testcontainers container when a Docker engine is reachable. */
final class DockerContainers {

    private DockerContainers() {
    }

    /**
     * @param container created only once Docker is known to be there
     * @param endpoint builds the endpoint from the host and the port mapped to {@code containerPort}
     */
    static <E> Started<E> start(Environment environment, Supplier<GenericContainer<?>> container, int containerPort,
                                BiFunction<String, Integer, E> endpoint) {
        if (!environment.isDockerAvailable()) {
            throw new IllegalStateException("no Docker engine available");
        }
        GenericContainer<?> started = container.get().withExposedPorts(containerPort);
        try {
            started.start();
        } catch (RuntimeException e) {
            started.stop();
            throw e;
        }
        return Started.of(endpoint.apply(started.getHost(), started.getMappedPort(containerPort)), Origin.DOCKER,
                "container " + started.getDockerImageName(), started::stop);
    }
}
