package dev.ktx.ingest.core.job;

import dev.ktx.ingest.core.config.ConnectionConfig;
import dev.ktx.ingest.core.config.Driver;
import dev.ktx.ingest.core.config.KtxConfig;
import dev.ktx.ingest.core.git.ContextRepository;
import dev.ktx.ingest.core.git.Sentinel;
import dev.ktx.ingest.core.git.SessionId;
import dev.ktx.ingest.core.lock.LockLease;
import dev.ktx.ingest.core.lock.NamedLocks;
import dev.ktx.ingest.core.messaging.FinalizeRequestMessage;
import dev.ktx.ingest.core.messaging.MessageCodec;
import dev.ktx.ingest.core.messaging.TargetJobMessage;
import dev.ktx.ingest.core.messaging.TargetResultMessage;
import dev.ktx.ingest.core.plan.Operation;
import dev.ktx.ingest.core.plan.StepResult;
import dev.ktx.ingest.core.plan.TargetResult;
import dev.ktx.ingest.core.plan.TargetResults;
import dev.ktx.ingest.core.retry.Retrier;
import dev.ktx.ingest.core.retry.RetriesExhaustedException;
import dev.ktx.ingest.core.retry.TransientFailure;
import dev.ktx.ingest.core.retry.TransientFailures;
import dev.ktx.ingest.core.trace.Heartbeats;
import dev.ktx.ingest.core.trace.PhaseTrackingSink;
import dev.ktx.ingest.core.trace.TargetTracer;
import dev.ktx.ingest.core.trace.TraceEvents;
import dev.ktx.ingest.core.trace.TraceSink;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The frame of every worker job (docs/services.md, "Worker jobs: redelivery, retries, heartbeats"). Kafka delivers
 * a job at least once, possibly while an earlier copy still runs; the frame turns that into one outcome:
 * <ul>
 *   <li>the job holds the session lock ({@link NamedLocks#sessionLockName}) throughout, so copies take turns;</li>
 *   <li>a session already handed to the finalizer is not redone: the recorded finalize request is published again
 *       (the finalizer lands a session once, by its trailer);</li>
 *   <li>otherwise the session restarts from the current {@code main} head, so a redelivered job computes the same
 *       result and "unchanged" means "the same as {@code main}";</li>
 *   <li>transient failures run the attempt again after a back-off; permanent ones, and transient ones that
 *       outlast the attempts, fail the target (the session is kept with a {@code crash} sentinel);</li>
 *   <li>an outcome is always published; only a failure to publish it is thrown.</li>
 * </ul>
 * Heartbeats name the target's current phase while the job runs.
 */
public final class TargetJobFrame {

    private static final Logger LOG = LoggerFactory.getLogger(TargetJobFrame.class);

    private final JobProjects projects;
    private final NamedLocks locks;
    private final JobPublisher publisher;
    private final TraceSink traces;
    private final Heartbeats heartbeats;
    private final Retrier retrier;
    private final Duration sessionLockWait;
    private final Clock clock;

    public TargetJobFrame(
            JobProjects projects,
            NamedLocks locks,
            JobPublisher publisher,
            TraceSink traces,
            Heartbeats heartbeats,
            Retrier retrier,
            Duration sessionLockWait,
            Clock clock) {
        this.projects = projects;
        this.locks = locks;
        this.publisher = publisher;
        this.traces = traces;
        this.heartbeats = heartbeats;
        this.retrier = retrier;
        this.sessionLockWait = sessionLockWait;
        this.clock = clock;
    }

    /** What the job ends with; sent after the session lock is released. */
    private sealed interface Publication {
        String outcome();

        void sendTo(JobPublisher publisher);
    }

    private record Finalize(String outcome, FinalizeRequestMessage request) implements Publication {
        public void sendTo(JobPublisher publisher) {
            publisher.finalizeRequest(request);
        }
    }

    private record Result(String outcome, TargetResultMessage result) implements Publication {
        public void sendTo(JobPublisher publisher) {
            publisher.result(result);
        }
    }

    /** The session lock stayed with another copy of the job for the whole wait. */
    private static final class SessionLockTimeout extends RuntimeException implements TransientFailure {
        SessionLockTimeout(String name, Duration wait) {
            super("session lock " + name + " not acquired within " + wait);
        }
    }

    /**
     * Runs the job and publishes its outcome.
     *
     * @throws RetriesExhaustedException when the outcome could not be published
     */
    public void run(TargetJobMessage message, Operation operation, Function<TargetJob, JobOutcome> body)
            throws InterruptedException {
        PhaseTrackingSink sink = new PhaseTrackingSink(traces, operation.wireName());
        TargetTracer tracer = new TargetTracer(sink, clock, message.runId(), message.connectionId());
        long started = clock.millis();
        tracer.info(operation.wireName(), TraceEvents.TARGET_STARTED, Map.of("jobId", message.jobId()));
        Publication publication;
        try (Heartbeats.Beat ignored = heartbeats.start(tracer, sink)) {
            publication = decide(message, operation, body, tracer, sink);
            retrier.call(
                    "publishing the outcome of " + message.runId() + "/" + message.connectionId(),
                    () -> {
                        publication.sendTo(publisher);
                        return null;
                    },
                    failure -> true,
                    (attempt, pause, failure) -> LOG.warn(
                            "publishing the outcome of {} failed (attempt {}), again in {}",
                            message.jobId(),
                            attempt,
                            pause,
                            failure));
        }
        tracer.timed(
                operation.wireName(),
                TraceEvents.TARGET_FINISHED,
                clock.millis() - started,
                Map.of("outcome", publication.outcome()));
    }

    private Publication decide(
            TargetJobMessage message,
            Operation operation,
            Function<TargetJob, JobOutcome> body,
            TargetTracer tracer,
            PhaseTrackingSink sink)
            throws InterruptedException {
        SessionId session = new SessionId(message.runId(), message.connectionId());
        AtomicReference<ConnectionConfig> connection = new AtomicReference<>();
        try {
            return retrier.call(
                    operation.wireName(),
                    () -> attempt(message, body, tracer, sink, session, connection),
                    TransientFailures::isTransient,
                    (attempt, pause, failure) -> tracer.warn(
                            sink.lastPhase(),
                            TraceEvents.TARGET_RETRY,
                            Map.of("attempt", attempt, "backoffMs", pause.toMillis()),
                            describe(failure)));
        } catch (RuntimeException e) { // permanent, or transient past the last attempt (RetriesExhaustedException)
            return failed(message, operation, session, Optional.ofNullable(connection.get()), e, tracer, sink);
        }
    }

    private Publication attempt(
            TargetJobMessage message,
            Function<TargetJob, JobOutcome> body,
            TargetTracer tracer,
            PhaseTrackingSink sink,
            SessionId session,
            AtomicReference<ConnectionConfig> resolved)
            throws InterruptedException {
        ContextRepository repo = projects.repository(message.project());
        KtxConfig config = projects.config(message.project(), message.configCommit());
        ConnectionConfig connection = config.connection(message.connectionId())
                .orElseThrow(() -> new IllegalArgumentException(
                        "connection " + message.connectionId() + " is not in ktx.yaml at " + message.configCommit()));
        resolved.set(connection);
        String lockName = NamedLocks.sessionLockName(repo.identity(), session);
        try (LockLease ignored = locks.tryAcquire(lockName, sessionLockWait)
                .orElseThrow(() -> new SessionLockTimeout(lockName, sessionLockWait))) {
            Optional<String> handoff = repo.handoff(session);
            if (handoff.isPresent()) {
                LOG.info(
                        "session {} was already handed to the finalizer; publishing its finalize request again",
                        session);
                return new Finalize(
                        JobOutcome.ReadyToFinalize.class.getSimpleName(),
                        MessageCodec.read(handoff.get(), FinalizeRequestMessage.class));
            }
            String base = repo.restartSession(session);
            JobOutcome outcome =
                    body.apply(new TargetJob(message, repo, config, connection, session, base, tracer, sink));
            return settle(message, repo, session, base, outcome);
        }
    }

    /** Under the session lock: records the hand-off, drops an unchanged session, or makes sure a failure has its sentinel. */
    private Publication settle(
            TargetJobMessage message, ContextRepository repo, SessionId session, String base, JobOutcome outcome) {
        String kind = outcome.getClass().getSimpleName();
        if (outcome instanceof JobOutcome.ReadyToFinalize ready) {
            FinalizeRequestMessage request = FinalizeRequestMessage.of(
                    message.runId(), message.project(), ready.allowedSlConnections(), ready.result());
            repo.recordHandoff(session, MessageCodec.write(request));
            return new Finalize(kind, request);
        }
        if (outcome instanceof JobOutcome.Unchanged) {
            dropIfOnMain(repo, session);
        } else if (repo.sentinel(session).isEmpty()) {
            String error = outcome.result().failure().map(StepResult::detail).orElse("failed");
            repo.writeSentinel(session, new Sentinel(Sentinel.Outcome.crash, clock.instant(), base, null, error));
        }
        return new Result(kind, TargetResultMessage.of(message.runId(), message.project(), outcome.result()));
    }

    /** Never deletes work that is not on {@code main}: a session with commits of its own is left for gc. */
    private static void dropIfOnMain(ContextRepository repo, SessionId session) {
        Optional<String> head = repo.sessionHead(session);
        String main = repo.mainHead().orElseThrow();
        if (head.isEmpty() || repo.isAncestor(head.get(), main)) {
            repo.deleteSession(session);
        } else {
            LOG.warn("session {} was reported unchanged but holds commits that are not on main; kept", session);
        }
    }

    /** The target fails; a session that was started is kept with a {@code crash} sentinel naming the cause. */
    private Publication failed(
            TargetJobMessage message,
            Operation operation,
            SessionId session,
            Optional<ConnectionConfig> connection,
            RuntimeException failure,
            TargetTracer tracer,
            PhaseTrackingSink sink) {
        String error = describe(failure);
        LOG.error("job {} of {} failed", message.jobId(), session, failure);
        try {
            ContextRepository repo = projects.repository(message.project());
            Optional<String> head = repo.sessionHead(session);
            if (head.isPresent()) {
                SessionCrash.record(repo, session, head.get(), error, tracer, sink.lastPhase(), clock);
            }
        } catch (RuntimeException e) {
            LOG.warn("no sentinel for {}: {}", session, e.toString());
        }
        TargetResult result = TargetResults.failed(
                message.connectionId(),
                connection.map(ConnectionConfig::driver).orElseGet(() -> anyDriverOf(operation)),
                operation,
                error);
        return new Result(
                JobOutcome.Failed.class.getSimpleName(),
                TargetResultMessage.of(message.runId(), message.project(), result));
    }

    /**
     * For a connection this job could not read from {@code ktx.yaml}: the planner reports results with the driver
     * of its own plan (RunResults), so any driver of the operation's kind will do.
     */
    private static Driver anyDriverOf(Operation operation) {
        return Arrays.stream(Driver.values())
                .filter(d -> Operation.of(d.kind()) == operation)
                .findFirst()
                .orElseThrow();
    }

    private static String describe(Throwable failure) {
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }
}
