package dev.ktx.ingest.core.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ktx.ingest.core.plan.Plan;
import dev.ktx.ingest.core.plan.RunReport;
import dev.ktx.ingest.core.plan.RunResults;

/**
 * {@code GET /api/ingests/{runId}}: the run's plan and its results in plan order.
 *
 * @param status   {@value #RUNNING} or {@value #FINISHED}
 * @param exitCode null while running
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunView(String runId, String status, Integer exitCode, Plan plan, RunResults results) {

    public static final String RUNNING = "running";
    public static final String FINISHED = "finished";

    public boolean finished() {
        return FINISHED.equals(status);
    }

    /** The planner's exit code once finished; the results decide it if the planner left it out. */
    public int outcome() {
        return exitCode != null ? exitCode : results.exitCode();
    }

    public RunReport report() {
        return new RunReport(runId, plan, results);
    }
}
