package dev.ktx.ingest.core.lock;

import org.redisson.api.RFencedLock;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * Named locks across processes: Redisson {@link RFencedLock}s held with the watchdog (no explicit lease), so a live
 * holder keeps its lock and a dead one loses it after the watchdog timeout ({@code ktx.redis.watchdog}). A holder
 * paused past the watchdog (GC, SIGSTOP) loses the lock without noticing; {@link LockLease#stillHeld()} asks Redis.
 */
public final class RedissonLocks implements NamedLocks {

    private static final Logger LOG = LoggerFactory.getLogger(RedissonLocks.class);

    private final RedissonClient redisson;

    public RedissonLocks(RedissonClient redisson) {
        this.redisson = redisson;
    }

    @Override
    public Optional<LockLease> tryAcquire(String name, Duration maxWait) throws InterruptedException {
        RFencedLock lock = redisson.getFencedLock(name);
        // The no-argument tryLockAndGetToken() blocks forever in Redisson 3.52: always pass a wait time.
        Long token = lock.tryLockAndGetToken(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        if (token == null) {
            return Optional.empty();
        }
        // Redisson owns a lock by client and thread id; pinning the id lets a lease be checked from any thread.
        long threadId = Thread.currentThread().getId();
        return Optional.of(LockLease.of(token, () -> stillHeld(lock, threadId, token), () -> release(lock, threadId)));
    }

    private static boolean stillHeld(RFencedLock lock, long threadId, long token) {
        try {
            return lock.isHeldByThread(threadId) && Objects.equals(lock.getToken(), token);
        } catch (RuntimeException e) {
            LOG.warn("cannot tell whether {} is still held: {}", lock.getName(), e.toString());
            return false;
        }
    }

    private static void release(RFencedLock lock, long threadId) {
        try {
            lock.unlockAsync(threadId).toCompletableFuture().join();
        } catch (CompletionException e) {
            if (!(e.getCause() instanceof IllegalMonitorStateException lost)) {
                throw e;
            }
            LOG.warn("{} was lost before it was released (expired or taken over): {}", lock.getName(), lost.getMessage());
        }
    }
}
