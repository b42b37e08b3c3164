package dev.ktx.ingest.core.window;

import dev.ktx.ingest.core.git.ContextRepository;
import dev.ktx.ingest.core.git.SessionId;
import dev.ktx.ingest.core.lock.LockLease;
import dev.ktx.ingest.core.lock.ProjectLock;
import dev.ktx.ingest.core.trace.TargetTracer;
import dev.ktx.ingest.core.trace.TraceSink;
import java.time.Clock;
import java.time.Duration;

/**
 * The refresh a source run does before reconciliation. The project lock is held only to read a {@code main}
 * head that no final window is in the middle of writing; the merge itself runs outside the lock so source
 * runs never queue behind each other here.
 */
public final class ReconciliationRefresh {

    private final ContextRepository repo;
    private final ProjectLock lock;
    private final TraceSink traceSink;
    private final Clock clock;
    private final Duration lockWait;
    private final PhaseRefresh refresher;

    public ReconciliationRefresh(
            ContextRepository repo, ProjectLock lock, TraceSink traceSink, Clock clock, Duration lockWait) {
        this.repo = repo;
        this.lock = lock;
        this.traceSink = traceSink;
        this.clock = clock;
        this.lockWait = lockWait;
        this.refresher = new PhaseRefresh(repo, clock);
    }

    public PhaseRefresh.Refreshed refresh(String projectId, SessionId session) throws InterruptedException {
        String mainHead;
        String repository = repo.identity();
        try (LockLease ignored = lock.tryAcquire(repository, lockWait)
                .orElseThrow(() -> new IllegalStateException("project lock " + ProjectLock.lockName(repository)
                        + " (project " + projectId + ") not acquired within " + lockWait))) {
            mainHead = repo.mainHead().orElseThrow(() -> new IllegalStateException("main has no commit"));
        }
        TargetTracer tracer = new TargetTracer(traceSink, clock, session.runId(), session.connectionId());
        return refresher.refresh(session, mainHead, RefreshPhase.before_reconciliation, tracer);
    }
}
