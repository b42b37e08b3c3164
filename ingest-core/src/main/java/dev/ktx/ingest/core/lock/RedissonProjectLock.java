package dev.ktx.ingest.core.lock;

import org.redisson.api.RFencedLock;
import org.redisson.api.RedissonClient;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The project lock across processes: a Redisson {@link RFencedLock} held with the watchdog (no explicit
 * lease), so a live holder keeps it and a dead one loses it after the watchdog timeout.
 */
public final class RedissonProjectLock implements ProjectLock {

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
                lock::unlock));
    }
}
