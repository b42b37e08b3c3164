package dev.ktx.ingest.planner.outbound;

import dev.ktx.ingest.core.messaging.FinalizeRequestMessage;
import dev.ktx.ingest.core.messaging.ProjectRef;
import dev.ktx.ingest.core.messaging.RollbackRequestMessage;
import dev.ktx.ingest.core.messaging.StageEventMessage;
import dev.ktx.ingest.core.messaging.TargetJobMessage;
import dev.ktx.ingest.core.messaging.TargetResultMessage;
import dev.ktx.ingest.planner.PlannerChannels;
import dev.ktx.ingest.planner.state.RunSettings;
import dev.ktx.ingest.service.Publishing;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * Everything the planner publishes, through {@link Publishing}: each method sends, and {@link #await} waits for the
 * broker to confirm a batch. Database jobs are keyed by project so one project's scans stay in order; source jobs
 * and parked sessions' finalize requests by {@code runId/connectionId}; the barrier, timed-out results and rollback
 * requests by run.
 */
@ApplicationScoped
public class PlannerPublisher {

    private final Emitter<Record<String, String>> databaseJobs;
    private final Emitter<Record<String, String>> sourceJobs;
    private final Emitter<Record<String, String>> stages;
    private final Emitter<Record<String, String>> finalizeRequests;
    private final Emitter<Record<String, String>> results;
    private final Emitter<Record<String, String>> rollbackRequests;
    private final Publishing publishing;

    public PlannerPublisher(
            @Channel(PlannerChannels.JOBS_DATABASE_OUT) Emitter<Record<String, String>> databaseJobs,
            @Channel(PlannerChannels.JOBS_SOURCE_OUT) Emitter<Record<String, String>> sourceJobs,
            @Channel(PlannerChannels.INGEST_STAGES_OUT) Emitter<Record<String, String>> stages,
            @Channel(PlannerChannels.FINALIZE_REQUESTS_OUT) Emitter<Record<String, String>> finalizeRequests,
            @Channel(PlannerChannels.INGEST_RESULTS_OUT) Emitter<Record<String, String>> results,
            @Channel(PlannerChannels.ROLLBACK_REQUESTS_OUT) Emitter<Record<String, String>> rollbackRequests,
            RunSettings settings) {
        this.databaseJobs = databaseJobs;
        this.sourceJobs = sourceJobs;
        this.stages = stages;
        this.finalizeRequests = finalizeRequests;
        this.results = results;
        this.rollbackRequests = rollbackRequests;
        this.publishing = new Publishing(settings.publishTimeout());
    }

    /**
     * Waits until the broker confirmed every send, at most {@code ktx.planner.publish-timeout}.
     *
     * @param what named in the exception, e.g. "the database jobs"
     * @throws dev.ktx.ingest.service.PublishException naming {@code what} and the cause
     */
    public void await(String what, List<? extends CompletionStage<Void>> sends) {
        publishing.await(what, sends);
    }

    public CompletionStage<Void> databaseJob(ProjectRef project, TargetJobMessage job) {
        return Publishing.send(databaseJobs, project.projectId(), job);
    }

    public CompletionStage<Void> sourceJob(TargetJobMessage job) {
        return Publishing.send(sourceJobs, Publishing.sessionKey(job.runId(), job.connectionId()), job);
    }

    /** A parked session's request again, keyed by session like the workers' requests. */
    public CompletionStage<Void> finalizeRequest(FinalizeRequestMessage request) {
        return Publishing.send(
                finalizeRequests, Publishing.sessionKey(request.runId(), request.connectionId()), request);
    }

    public CompletionStage<Void> stage(StageEventMessage event) {
        return Publishing.send(stages, event.runId(), event);
    }

    /** A result the planner decided itself (a target timed out); it takes the same path as the workers' results. */
    public CompletionStage<Void> result(TargetResultMessage result) {
        return Publishing.send(results, result.runId(), result);
    }

    public CompletionStage<Void> rollbackRequest(RollbackRequestMessage request) {
        return Publishing.send(rollbackRequests, request.runId(), request);
    }
}
