package dev.ktx.ingest.planner.messaging;

import dev.ktx.ingest.core.messaging.FinalizeRequestMessage;
import dev.ktx.ingest.core.messaging.MessageCodec;
import dev.ktx.ingest.core.messaging.ProjectRef;
import dev.ktx.ingest.core.messaging.StageEventMessage;
import dev.ktx.ingest.core.messaging.TargetJobMessage;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

import java.util.concurrent.CompletionStage;

/**
 * Everything the planner publishes. Database jobs are keyed by project so one project's scans stay in order;
 * source jobs and parked sessions' finalize requests by {@code runId/connectionId}; the barrier by run.
 */
@ApplicationScoped
public class PlannerPublisher {

    private final Emitter<Record<String, String>> databaseJobs;
    private final Emitter<Record<String, String>> sourceJobs;
    private final Emitter<Record<String, String>> stages;
    private final Emitter<Record<String, String>> finalizeRequests;

    public PlannerPublisher(@Channel("jobs-database") Emitter<Record<String, String>> databaseJobs,
                            @Channel("jobs-source") Emitter<Record<String, String>> sourceJobs,
                            @Channel("stages-out") Emitter<Record<String, String>> stages,
                            @Channel("finalize-out") Emitter<Record<String, String>> finalizeRequests) {
        this.databaseJobs = databaseJobs;
        this.sourceJobs = sourceJobs;
        this.stages = stages;
        this.finalizeRequests = finalizeRequests;
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
}
