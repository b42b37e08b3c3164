package dev.ktx.ingest.core.lock;

import dev.ktx.ingest.core.git.SessionId;
import java.time.Duration;
import java.util.Optional;

/** Locks by name, held until the lease is closed (or, across processes, until a dead holder's watchdog runs out). */
public interface NamedLocks {

    /** Waits up to {@code maxWait}; empty when the lock could not be had in time. */
    Optional<LockLease> tryAcquire(String name, Duration maxWait) throws InterruptedException;

    /**
     * {@code ktx:{<repository identity>}:session:<runId>/<connectionId>}: held by the worker running a target's job, so two
     * copies of one job (a redelivery while the first copy still runs) never write one session at once.
     */
    static String sessionLockName(String repositoryIdentity, SessionId session) {
        return "ktx:{" + repositoryIdentity + "}:session:" + session;
    }
}
