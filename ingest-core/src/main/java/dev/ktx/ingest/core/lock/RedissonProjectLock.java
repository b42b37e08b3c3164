package dev.ktx.ingest.core.lock;

import java.time.Duration;
import java.util.Optional;
import org.redisson.api.RedissonClient;

/** The project lock across processes, a fenced {@link RedissonLocks} lock named by {@link ProjectLock#lockName(String)}. */
public final class RedissonProjectLock implements ProjectLock {

    private final RedissonLocks locks;

    public RedissonProjectLock(RedissonClient redisson) {
        this.locks = RedissonLocks.fenced(redisson);
    }

    @Override
    public Optional<LockLease> tryAcquire(String repositoryIdentity, Duration maxWait) throws InterruptedException {
        return locks.tryAcquire(ProjectLock.lockName(repositoryIdentity), maxWait);
    }
}
