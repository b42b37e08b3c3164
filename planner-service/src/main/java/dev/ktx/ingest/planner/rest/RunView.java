package dev.ktx.ingest.planner.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ktx.ingest.core.plan.Plan;
import dev.ktx.ingest.core.plan.RunResults;

/** {@code GET /api/ingests/{runId}}: the run's plan and its results in plan order. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunView(String runId, String status, Integer exitCode, Plan plan, RunResults results) {
}
