package dev.ktx.ingest.core.lock;

import java.time.Duration;
import java.util.Optional;

/** A project lock for one JVM (unit tests, single-process tools): an {@link InProcessLocks} lock per project. */
public final class InProcessProjectLock implements ProjectLock {

    private final InProcessLocks locks = new InProcessLocks();

    @Override
    public Optional<LockLease> tryAcquire(String repositoryIdentity, Duration maxWait) throws InterruptedException {
        return locks.tryAcquire(ProjectLock.lockName(repositoryIdentity), maxWait);
    }
}
