package dev.ktx.ingest.core.lock;

import java.time.Duration;
import java.util.Optional;

/** The per-project lock around the final window ({@code ktx:{<projectId>}:config:repo}). */
public interface ProjectLock {

    /** Waits up to {@code maxWait}; empty when the lock could not be had in time. */
    Optional<LockLease> tryAcquire(String projectId, Duration maxWait) throws InterruptedException;

    static String lockName(String projectId) {
        return "ktx:{" + projectId + "}:config:repo";
    }
}
