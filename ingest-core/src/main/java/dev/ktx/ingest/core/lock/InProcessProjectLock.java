package dev.ktx.ingest.core.lock;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/** A project lock for one JVM (unit tests, single-process tools), with increasing fencing tokens. */
public final class InProcessProjectLock implements ProjectLock {

    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final AtomicLong tokens = new AtomicLong();

    @Override
    public Optional<LockLease> tryAcquire(String projectId, Duration maxWait) throws InterruptedException {
        ReentrantLock lock = locks.computeIfAbsent(ProjectLock.lockName(projectId), name -> new ReentrantLock());
        if (!lock.tryLock(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
            return Optional.empty();
        }
        long token = tokens.incrementAndGet();
        return Optional.of(LockLease.of(token, lock::isHeldByCurrentThread, lock::unlock));
    }
}
