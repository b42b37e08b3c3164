package dev.ktx.ingest.testinfra;

/**
 * A running piece of infrastructure. {@link #close()} stops what was started for it; on a shared instance, or one
 * given by an environment variable, close does nothing.
 */
public abstract sealed class InfraService<E> implements AutoCloseable
        permits RedisService, PostgresService, KafkaService {

    private final Started<E> started;
    private final boolean shared;

    InfraService(Started<E> started, boolean shared) {
        this.started = started;
        this.shared = shared;
    }

    public E endpoint() {
        return started.endpoint();
    }

    public Origin origin() {
        return started.origin();
    }

    @Override
    public void close() {
        // The shared instance belongs to the whole JVM; Cleanup stops it at shutdown.
        if (!shared) {
            started.close();
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + started + (shared ? ", shared" : "") + "]";
    }
}
