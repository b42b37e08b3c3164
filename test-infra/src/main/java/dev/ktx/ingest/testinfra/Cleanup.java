package dev.ktx.ingest.testinfra;

import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JVM shutdown hook that closes whatever is still open, newest first, so no server started here outlives the
 * JVM (short of a SIGKILL, which no hook survives).
 */
final class Cleanup {

    private static final Logger LOG = LoggerFactory.getLogger(Cleanup.class);
    private static final Deque<AutoCloseable> OPEN = new ConcurrentLinkedDeque<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Cleanup::closeAll, "ktx-test-infra-cleanup"));
    }

    private Cleanup() {}

    static void register(AutoCloseable resource) {
        OPEN.push(resource);
    }

    static void unregister(AutoCloseable resource) {
        OPEN.removeFirstOccurrence(resource);
    }

    private static void closeAll() {
        for (AutoCloseable resource = OPEN.poll(); resource != null; resource = OPEN.poll()) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("Could not close {} at JVM shutdown", resource, e);
            }
        }
    }
}
