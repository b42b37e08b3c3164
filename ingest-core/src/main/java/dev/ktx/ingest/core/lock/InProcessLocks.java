package dev.ktx.ingest.core.lock;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Named locks for one JVM (unit tests, single-process tools), re-entrant like Redisson's, with increasing fencing
 * tokens: a lease is still held while its thread holds the lock and no later acquisition (a re-entry) took a newer
 * token.
 */
public final class InProcessLocks implements NamedLocks {

    private record Slot(ReentrantLock lock, AtomicLong currentToken) {}

    private final Map<String, Slot> slots = new ConcurrentHashMap<>();
    private final AtomicLong tokens = new AtomicLong();

    @Override
    public Optional<LockLease> tryAcquire(String name, Duration maxWait) throws InterruptedException {
        Slot slot = slots.computeIfAbsent(name, n -> new Slot(new ReentrantLock(), new AtomicLong()));
        if (!slot.lock().tryLock(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
            return Optional.empty();
        }
        long token = tokens.incrementAndGet();
        slot.currentToken().set(token);
        return Optional.of(LockLease.of(
                token,
                () -> slot.lock().isHeldByCurrentThread() && slot.currentToken().get() == token,
                slot.lock()::unlock));
    }
}
