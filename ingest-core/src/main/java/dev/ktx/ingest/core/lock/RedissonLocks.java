package dev.ktx.ingest.core.lock;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.redisson.api.RFencedLock;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Named locks across processes, held with the watchdog (no explicit lease), so a live holder keeps its lock and a
 * dead one loses it after the watchdog timeout ({@code ktx.redis.watchdog}). A holder paused past the watchdog (GC,
 * SIGSTOP) loses the lock without noticing; {@link LockLease#stillHeld()} asks Redis.
 */
public final class RedissonLocks implements NamedLocks {

    private static final Logger LOG = LoggerFactory.getLogger(RedissonLocks.class);

    private final RedissonClient redisson;
    private final boolean fenced;

    private RedissonLocks(RedissonClient redisson, boolean fenced) {
        this.redisson = redisson;
        this.fenced = fenced;
    }

    /** {@link RFencedLock}s: every acquisition gets a higher token (Redis keeps a counter per lock name). */
    public static RedissonLocks fenced(RedissonClient redisson) {
        return new RedissonLocks(redisson, true);
    }

    /** Plain {@link RLock}s with token 0, for the many short-lived names (sessions) that need no fencing. */
    public static RedissonLocks plain(RedissonClient redisson) {
        return new RedissonLocks(redisson, false);
    }

    @Override
    public Optional<LockLease> tryAcquire(String name, Duration maxWait) throws InterruptedException {
        RLock lock = fenced ? redisson.getFencedLock(name) : redisson.getLock(name);
        Long token = fenced
                // The no-argument tryLockAndGetToken() blocks forever in Redisson 3.52: always pass a wait time.
                ? ((RFencedLock) lock).tryLockAndGetToken(maxWait.toMillis(), TimeUnit.MILLISECONDS)
                : lock.tryLock(maxWait.toMillis(), TimeUnit.MILLISECONDS) ? Long.valueOf(0) : null;
        if (token == null) {
            return Optional.empty();
        }
        // Redisson owns a lock by client and thread id; pinning the id lets a lease be checked from any thread.
        long threadId = Thread.currentThread().getId();
        return Optional.of(LockLease.of(token, () -> stillHeld(lock, threadId, token), () -> release(lock, threadId)));
    }

    private static boolean stillHeld(RLock lock, long threadId, long token) {
        try {
            return lock.isHeldByThread(threadId)
                    && (!(lock instanceof RFencedLock fencedLock) || Objects.equals(fencedLock.getToken(), token));
        } catch (RuntimeException e) {
            LOG.warn("cannot tell whether {} is still held: {}", lock.getName(), e.toString());
            return false;
        }
    }

    private static void release(RLock lock, long threadId) {
        try {
            lock.unlockAsync(threadId).toCompletableFuture().join();
        } catch (CompletionException e) {
            if (!(e.getCause() instanceof IllegalMonitorStateException lost)) {
                throw e;
            }
            LOG.warn(
                    "{} was lost before it was released (expired or taken over): {}",
                    lock.getName(),
                    lost.getMessage());
        }
    }
}
