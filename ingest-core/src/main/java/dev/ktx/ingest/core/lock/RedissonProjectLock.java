package dev.ktx.ingest.core.lock;

import org.redisson.api.RFencedLock;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The project lock across processes: a Redisson {@link RFencedLock} held with the watchdog (no explicit
 * lease), so a live holder keeps it and a dead one loses it after the watchdog timeout.
 */
public final class RedissonProjectLock implements ProjectLock {

    private static final Logger LOG = LoggerFactory.getLogger(RedissonProjectLock.class);

    private final RedissonClient redisson;

    public RedissonProjectLock(RedissonClient redisson) {
        this.redisson = redisson;
    }

    @Override
    public Optional<LockLease> tryAcquire(String projectId, Duration maxWait) throws InterruptedException {
        RFencedLock lock = redisson.getFencedLock(ProjectLock.lockName(projectId));
        // The no-argument tryLockAndGetToken() blocks forever in Redisson 3.52: always pass a wait time.
        Long token = lock.tryLockAndGetToken(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        if (token == null) {
            return Optional.empty();
        }
        return Optional.of(LockLease.of(token, () -> lock.isHeldByCurrentThread() && token.equals(lock.getToken()),
                () -> release(lock, token)));
    }

    /** A lock that expired or was taken over is no longer ours to release; the CAS on main already kept it safe. */
    private static void release(RFencedLock lock, long token) {
        try {
            lock.unlock();
        } catch (IllegalMonitorStateException e) {
            LOG.warn("project lock {} (token {}) was lost before its release: {}", lock.getName(), token, e.getMessage());
        }
    }
}
