package dev.ktx.ingest.core.lock;

import java.util.function.BooleanSupplier;

/**
 * A held lock. {@link #token()} increases with every acquisition (a fencing token) and is recorded in the squash
 * commit; correctness still rests on the compare-and-swap of {@code main}, not on the lease. Must be closed by the
 * thread that acquired it.
 */
public interface LockLease extends AutoCloseable {

    long token();

    /**
     * Asks the lock's store whether this lease still holds the lock and its token is still the current one. False
     * once the lock expired (a holder paused past the watchdog) or was taken by another holder, and when the store
     * cannot answer: a holder that cannot prove it holds the lock must act as if it did not.
     */
    boolean stillHeld();

    /** Releases the lock; a lock that was already lost is logged, not an error. */
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
