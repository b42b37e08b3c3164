package dev.ktx.ingest.worker;

import dev.ktx.ingest.core.job.JobOutcome;
import dev.ktx.ingest.core.job.JobPublisher;
import dev.ktx.ingest.core.job.TargetJob;
import dev.ktx.ingest.core.job.TargetJobFrame;
import dev.ktx.ingest.core.lock.RedissonLocks;
import dev.ktx.ingest.core.messaging.FinalizeRequestMessage;
import dev.ktx.ingest.core.messaging.MessageCodec;
import dev.ktx.ingest.core.messaging.TargetJobMessage;
import dev.ktx.ingest.core.messaging.TargetResultMessage;
import dev.ktx.ingest.core.plan.Operation;
import dev.ktx.ingest.core.retry.Retrier;
import dev.ktx.ingest.core.retry.RetryPolicy;
import dev.ktx.ingest.core.trace.Heartbeats;
import dev.ktx.ingest.service.ContextRepositories;
import dev.ktx.ingest.service.KafkaTraceSink;
import dev.ktx.ingest.service.LogContext;
import dev.ktx.ingest.service.Publishing;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.redisson.api.RedissonClient;

/**
 * The workers' side of {@link TargetJobFrame}: Kafka emitters for its outcome, Redis for its session lock, and one
 * heartbeat scheduler for the whole service. Only an unreadable message, or an outcome that could not be published
 * after the retries, leaves {@link #run} with an exception; the channel's {@code dead-letter-queue} failure strategy
 * then sends the job to the DLQ (SmallRye offers no clean "do not commit, redeliver" for one record), where
 * {@code ktx dlq replay} brings it back once Kafka is healthy; the replayed job resumes from its hand-off.
 */
@ApplicationScoped
public class TargetJobRunner {

    private final ScheduledExecutorService heartbeatScheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "target-heartbeats");
        thread.setDaemon(true);
        return thread;
    });
    private final TargetJobFrame frame;

    public TargetJobRunner(
            ContextRepositories repositories,
            KafkaTraceSink traces,
            RedissonClient redisson,
            WorkerSettings settings,
            @Channel(WorkerChannels.INGEST_RESULTS_OUT) Emitter<Record<String, String>> results,
            @Channel(WorkerChannels.FINALIZE_REQUESTS_OUT) Emitter<Record<String, String>> finalizeRequests) {
        WorkerSettings.Retry retry = settings.retry();
        this.frame = new TargetJobFrame(
                repositories,
                RedissonLocks.plain(redisson),
                new KafkaJobPublisher(results, finalizeRequests, new Publishing(settings.publishTimeout())),
                traces,
                new Heartbeats(heartbeatScheduler, settings.heartbeatInterval()),
                Retrier.real(new RetryPolicy(retry.maxAttempts(), retry.initialBackoff(), retry.maxBackoff())),
                settings.sessionLockWait(),
                Clock.systemUTC());
    }

    /** @throws dev.ktx.ingest.core.messaging.InvalidMessageException for an unreadable job (to the DLQ) */
    public void run(String json, Operation operation, Function<TargetJob, JobOutcome> body) {
        TargetJobMessage message = MessageCodec.read(json, TargetJobMessage.class);
        try (LogContext ignored = LogContext.of(message.runId(), message.connectionId())) {
            frame.run(message, operation, body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running job " + message.jobId(), e);
        }
    }

    @PreDestroy
    void stopHeartbeats() {
        heartbeatScheduler.shutdownNow();
    }

    /** Sends and waits for the broker's acknowledgement, so an outcome counts as published only once it is durable. */
    private record KafkaJobPublisher(
            Emitter<Record<String, String>> results,
            Emitter<Record<String, String>> finalizeRequests,
            Publishing publishing)
            implements JobPublisher {

        @Override
        public void finalizeRequest(FinalizeRequestMessage request) {
            String key = Publishing.sessionKey(request.runId(), request.connectionId());
            publishing.publish("the finalize request of " + key, finalizeRequests, key, request);
        }

        @Override
        public void result(TargetResultMessage result) {
            publishing.publish(
                    "the result of " + result.runId() + "/" + result.result().connectionId(),
                    results,
                    result.runId(),
                    result);
        }
    }
}
