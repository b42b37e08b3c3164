package dev.ktx.ingest.worker;

import dev.ktx.ingest.core.config.ConnectionConfig;
import dev.ktx.ingest.core.config.KtxConfig;
import dev.ktx.ingest.core.git.ContextRepository;
import dev.ktx.ingest.core.git.Sentinel;
import dev.ktx.ingest.core.git.SessionId;
import dev.ktx.ingest.core.messaging.FinalizeRequestMessage;
import dev.ktx.ingest.core.messaging.MessageCodec;
import dev.ktx.ingest.core.messaging.TargetJobMessage;
import dev.ktx.ingest.core.messaging.TargetResultMessage;
import dev.ktx.ingest.core.plan.Operation;
import dev.ktx.ingest.core.plan.Step;
import dev.ktx.ingest.core.plan.StepResult;
import dev.ktx.ingest.core.plan.StepStatus;
import dev.ktx.ingest.core.plan.TargetResult;
import dev.ktx.ingest.core.trace.TargetTracer;
import dev.ktx.ingest.core.trace.TraceEvents;
import dev.ktx.ingest.service.ContextRepositories;
import dev.ktx.ingest.service.KafkaTraceSink;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The frame of every worker job: trace start and end, open the session from the {@code main} head, run the body,
 * then publish either a finalize request or the result. Publishing completes before the method returns, so the
 * consumer commits the job's offset only once its outcome is durable. A body that throws fails the target with
 * its message and leaves the session plus a {@code crash} sentinel.
 */
@ApplicationScoped
public class TargetJobRunner {

    private static final Logger LOG = Logger.getLogger(TargetJobRunner.class);

    private final ContextRepositories repositories;
    private final KafkaTraceSink traces;
    private final Emitter<Record<String, String>> results;
    private final Emitter<Record<String, String>> finalizeRequests;
    private final Clock clock = Clock.systemUTC();

    public TargetJobRunner(ContextRepositories repositories, KafkaTraceSink traces,
                           @Channel("results-out") Emitter<Record<String, String>> results,
                           @Channel("finalize-out") Emitter<Record<String, String>> finalizeRequests) {
        this.repositories = repositories;
        this.traces = traces;
        this.results = results;
        this.finalizeRequests = finalizeRequests;
    }

    public void run(String json, Operation operation, Function<TargetJob, JobOutcome> body) {
        TargetJobMessage message = MessageCodec.read(json, TargetJobMessage.class);
        TargetTracer tracer = new TargetTracer(traces, clock, message.runId(), message.connectionId());
        long started = clock.millis();
        tracer.info(operation.wireName(), TraceEvents.TARGET_STARTED, Map.of("jobId", message.jobId()));
        ContextRepository repo = repositories.repository(message.project());
        KtxConfig config = repositories.config(message.project(), message.configCommit());
        ConnectionConfig connection = config.connection(message.connectionId()).orElseThrow(() ->
                new IllegalArgumentException("connection " + message.connectionId() + " is not in ktx.yaml at " + message.configCommit()));
        SessionId session = new SessionId(message.runId(), message.connectionId());
        String base = repo.openSession(session);
        JobOutcome outcome;
        try {
            outcome = body.apply(new TargetJob(message, repo, config, connection, session, base, tracer));
        } catch (RuntimeException e) {
            LOG.errorf(e, "job %s of %s failed", message.jobId(), session);
            String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            repo.writeSentinel(session, new Sentinel(Sentinel.Outcome.crash, clock.instant(), base, null, error));
            outcome = new JobOutcome.Failed(failedResult(connection, operation, error));
        }
        publish(message, repo, session, outcome);
        tracer.timed(operation.wireName(), TraceEvents.TARGET_FINISHED, clock.millis() - started,
                Map.of("outcome", outcome.getClass().getSimpleName()));
    }

    private void publish(TargetJobMessage message, ContextRepository repo, SessionId session, JobOutcome outcome) {
        if (outcome instanceof JobOutcome.ReadyToFinalize ready) {
            finalizeRequests.send(Record.of(session.toString(), MessageCodec.write(FinalizeRequestMessage.of(
                    message.runId(), message.project(), ready.allowedSlConnections(), ready.result())))).toCompletableFuture().join();
            return;
        }
        if (outcome instanceof JobOutcome.Unchanged) {
            repo.deleteSession(session);
        }
        results.send(Record.of(message.runId(), MessageCodec.write(TargetResultMessage.of(message.runId(), outcome.result()))))
                .toCompletableFuture().join();
    }

    /** The job failed in its first step; the later ones never ran. */
    private static TargetResult failedResult(ConnectionConfig connection, Operation operation, String error) {
        List<StepResult> steps = new ArrayList<>();
        for (Step step : operation.steps()) {
            steps.add(steps.isEmpty() ? new StepResult(step, StepStatus.FAILED, error) : StepResult.notRun(step));
        }
        return new TargetResult(connection.id(), connection.driver(), operation, steps);
    }
}
