package dev.ktx.ingest.planner.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ktx.ingest.core.api.RunTrigger;
import dev.ktx.ingest.core.config.IngestSettings;
import dev.ktx.ingest.core.messaging.ProjectRef;
import dev.ktx.ingest.core.plan.PlanRequest;
import dev.ktx.ingest.core.plan.RunDeadlines;
import java.time.Instant;
import java.util.List;

/**
 * What the planner keeps of a run. The plan itself is not stored: it is planned again from the {@code ktx.yaml} of
 * {@code configCommit}, which gives the same plan every time.
 *
 * @param deadlines the run timeout and target silence limit of {@code ktx.yaml}; records written before they existed
 *                  read as the defaults
 * @param targets   the connections of a run over a set of them (coalesced upstream events), else null: then
 *                  {@code connectionId} or {@code all} say what runs (and records written before it existed read so)
 * @param trigger   what started the run; null in records written before it existed
 */
public record RunRecord(
        String runId,
        ProjectRef project,
        String connectionId,
        boolean all,
        String configCommit,
        int sourcesMaxConcurrency,
        RunDeadlines deadlines,
        Instant startedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<String> targets,
        @JsonInclude(JsonInclude.Include.NON_NULL) RunTrigger trigger) {

    public RunRecord {
        deadlines = deadlines == null ? RunDeadlines.of(IngestSettings.DEFAULTS) : deadlines;
        targets = targets == null ? null : List.copyOf(targets);
    }

    /** What the run plans, the same every time it is planned again. */
    public PlanRequest planRequest() {
        if (targets != null) {
            return PlanRequest.connections(targets, false);
        }
        return all ? PlanRequest.all() : PlanRequest.connection(connectionId);
    }
}
