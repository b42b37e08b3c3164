package dev.ktx.ingest.testinfra;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A running service: its endpoint and what stops it. Stopped at JVM shutdown unless closed before; closing twice is
 * harmless.
 */
final class Started<E> implements AutoCloseable {

    private final E endpoint;
    private final Origin origin;
    private final String description;
    private final AutoCloseable resource;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Started(E endpoint, Origin origin, String description, AutoCloseable resource) {
        this.endpoint = endpoint;
        this.origin = origin;
        this.description = description;
        this.resource = resource;
    }

    static <E> Started<E> of(E endpoint, Origin origin, String description, AutoCloseable resource) {
        Started<E> started = new Started<>(endpoint, origin, description, resource);
        Cleanup.register(started);
        return started;
    }

    /** An endpoint someone else runs: there is nothing to stop. */
    static <E> Started<E> external(E endpoint, String source) {
        return new Started<>(endpoint, Origin.ENVIRONMENT, source, () -> {});
    }

    /**
     * A service another class loader of this JVM started and will stop (see {@link JvmWide}): nothing to stop from
     * here.
     */
    static <E> Started<E> ownedElsewhere(E endpoint, Origin origin, String description) {
        return new Started<>(endpoint, origin, description, () -> {});
    }

    E endpoint() {
        return endpoint;
    }

    Origin origin() {
        return origin;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Cleanup.unregister(this);
        try {
            resource.close();
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop " + description, e);
        }
    }

    @Override
    public String toString() {
        return endpoint + " (" + description + ")";
    }
}
