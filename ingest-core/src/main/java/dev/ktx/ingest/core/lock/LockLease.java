package dev.ktx.ingest.core.lock;

import java.util.function.BooleanSupplier;

/**
 * A held project lock. {@link #token()} increases with every acquisition (a fencing token) and is recorded
 * in the squash commit; correctness still rests on the compare-and-swap of {@code main}, not on the lease.
 * Must be closed by the thread that acquired it.
 */
public interface LockLease extends AutoCloseable {

    long token();

    /** Asks the lock's store whether this lease still holds the lock with its token (it may have expired). */
    boolean stillHeld();

    @Override
    void close();

    /** A lease with the given token whose {@link #close()} runs {@code release}. */
    static LockLease of(long token, BooleanSupplier stillHeld, Runnable release) {
        return new LockLease() {
            @Override
            public long token() {
                return token;
            }

            @Override
            public boolean stillHeld() {
                return stillHeld.getAsBoolean();
            }

            @Override
            public void close() {
                release.run();
            }
        };
    }
}
