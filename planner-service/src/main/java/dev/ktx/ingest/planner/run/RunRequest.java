package dev.ktx.ingest.planner.run;

import dev.ktx.ingest.core.api.RunTrigger;
import dev.ktx.ingest.core.messaging.IngestRequestMessage;
import dev.ktx.ingest.core.messaging.ProjectRef;
import dev.ktx.ingest.core.plan.PlanRequest;
import java.util.Objects;

/**
 * A run to start: the project, its targets, what started it and, for a start that must happen at most once, its key.
 *
 * @param startKey null for a start that is not deduplicated
 */
public record RunRequest(ProjectRef project, PlanRequest targets, StartKey startKey, RunTrigger trigger) {

    public RunRequest {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(targets, "targets");
        Objects.requireNonNull(trigger, "trigger");
    }

    /** An ingest request (REST, CLI or {@code ingest.requests}); its {@code requestId} is its start key. */
    public static RunRequest of(IngestRequestMessage request, RunTrigger trigger) {
        return new RunRequest(
                request.project(),
                request.all() ? PlanRequest.all() : PlanRequest.connection(request.connectionId()),
                request.requestId() == null ? null : StartKey.requestId(request.requestId()),
                trigger);
    }
}
