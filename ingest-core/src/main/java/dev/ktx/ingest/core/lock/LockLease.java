package dev.ktx.ingest.core.lock;

/**
 * A held project lock. {@link #token()} increases with every acquisition (a fencing token) and is recorded
 * in the squash commit; correctness still rests on the compare-and-swap of {@code main}, not on the lease.
 * Must be closed by the thread that acquired it.
 */
public interface LockLease extends AutoCloseable {

    long token();

    @Override
    void close();

    /** A lease with the given token whose {@link #close()} runs {@code release}. */
    static LockLease of(long token, Runnable release) {
        return new LockLease() {
            @Override
            public long token() {
                return token;
            }

            @Override
            public void close() {
                release.run();
            }
        };
    }
}
