package dev.ktx.ingest.planner.messaging;

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
 * source jobs by {@code runId/connectionId}; the barrier by run.
 */
@ApplicationScoped
public class PlannerPublisher {

    private final Emitter<Record<String, String>> databaseJobs;
    private final Emitter<Record<String, String>> sourceJobs;
    private final Emitter<Record<String, String>> stages;

    public PlannerPublisher(@Channel("jobs-database") Emitter<Record<String, String>> databaseJobs,
                            @Channel("jobs-source") Emitter<Record<String, String>> sourceJobs,
                            @Channel("stages-out") Emitter<Record<String, String>> stages) {
        this.databaseJobs = databaseJobs;
        this.sourceJobs = sourceJobs;
        this.stages = stages;
    }

    public CompletionStage<Void> databaseJob(ProjectRef project, TargetJobMessage job) {
        return databaseJobs.send(Record.of(project.projectId(), MessageCodec.write(job)));
    }

    public CompletionStage<Void> sourceJob(TargetJobMessage job) {
        return sourceJobs.send(Record.of(job.runId() + "/" + job.connectionId(), MessageCodec.write(job)));
    }

    public CompletionStage<Void> stage(StageEventMessage event) {
        return stages.send(Record.of(event.runId(), MessageCodec.write(event)));
    }
}
