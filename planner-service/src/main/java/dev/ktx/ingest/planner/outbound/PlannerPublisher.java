package dev.ktx.ingest.planner.outbound;

import dev.ktx.ingest.core.messaging.FinalizeRequestMessage;
import dev.ktx.ingest.core.config.Durations;
import dev.ktx.ingest.core.messaging.MessageCodec;
import dev.ktx.ingest.core.messaging.ProjectRef;
import dev.ktx.ingest.core.messaging.StageEventMessage;
import dev.ktx.ingest.core.messaging.TargetJobMessage;
import dev.ktx.ingest.core.messaging.TargetResultMessage;
import dev.ktx.ingest.planner.state.RunSettings;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Everything the planner publishes. Database jobs are keyed by project so one project's scans stay in order;
 * source jobs and parked sessions' finalize requests by {@code runId/connectionId}; the barrier and timed-out
 * results by run.
 */
@ApplicationScoped
public class PlannerPublisher {

    private final Emitter<Record<String, String>> databaseJobs;
    private final Emitter<Record<String, String>> sourceJobs;
    private final Emitter<Record<String, String>> stages;
    private final Emitter<Record<String, String>> finalizeRequests;
    private final Emitter<Record<String, String>> results;
    private final Duration publishTimeout;

    public PlannerPublisher(@Channel("jobs-database") Emitter<Record<String, String>> databaseJobs,
                            @Channel("jobs-source") Emitter<Record<String, String>> sourceJobs,
                            @Channel("stages-out") Emitter<Record<String, String>> stages,
                            @Channel("finalize-out") Emitter<Record<String, String>> finalizeRequests,
                            @Channel("results-out") Emitter<Record<String, String>> results, RunSettings settings) {
        this.databaseJobs = databaseJobs;
        this.sourceJobs = sourceJobs;
        this.stages = stages;
        this.finalizeRequests = finalizeRequests;
        this.results = results;
        this.publishTimeout = settings.publishTimeout();
    }

    /**
     * Waits until the broker confirmed every send, at most {@code ktx.planner.publish-timeout}.
     *
     * @param what named in the exception, e.g. "the database jobs"
     * @throws PublishException naming {@code what} and the cause
     */
    public void await(String what, List<CompletionStage<Void>> sends) {
        try {
            CompletableFuture.allOf(sends.stream().map(CompletionStage::toCompletableFuture).toArray(CompletableFuture[]::new))
                    .get(publishTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new PublishException("could not publish " + what + ": " + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause);
        } catch (TimeoutException e) {
            throw new PublishException("could not publish " + what + ": the broker did not confirm within "
                    + Durations.format(publishTimeout), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted while publishing " + what, e);
        }
    }

    public CompletionStage<Void> databaseJob(ProjectRef project, TargetJobMessage job) {
        return databaseJobs.send(Record.of(project.projectId(), MessageCodec.write(job)));
    }

    public CompletionStage<Void> sourceJob(TargetJobMessage job) {
        return sourceJobs.send(Record.of(job.runId() + "/" + job.connectionId(), MessageCodec.write(job)));
    }

    /** A parked session's request again, keyed by session like the workers' requests. */
    public CompletionStage<Void> finalizeRequest(FinalizeRequestMessage request) {
        return finalizeRequests.send(Record.of(request.runId() + "/" + request.connectionId(), MessageCodec.write(request)));
    }

    public CompletionStage<Void> stage(StageEventMessage event) {
        return stages.send(Record.of(event.runId(), MessageCodec.write(event)));
    }

    /** A result the planner decided itself (a target timed out); it takes the same path as the workers' results. */
    public CompletionStage<Void> result(TargetResultMessage result) {
        return results.send(Record.of(result.runId(), MessageCodec.write(result)));
    }
}
