package dev.ktx.ingest.core.lock;

import java.time.Duration;
import java.util.Optional;

/**
 * The per-repository lock around the final window ({@code ktx:{<repository identity>}:config:repo}): keyed by
 * {@code ContextRepository.identity()}, not by a caller's project id, so one repository has one lock.
 */
public interface ProjectLock {

    /** Waits up to {@code maxWait}; empty when the lock could not be had in time. */
    Optional<LockLease> tryAcquire(String repositoryIdentity, Duration maxWait) throws InterruptedException;

    static String lockName(String repositoryIdentity) {
        return "ktx:{" + repositoryIdentity + "}:config:repo";
    }
}
