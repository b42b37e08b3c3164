package dev.ktx.ingest.cli.ingest;

import dev.ktx.ingest.core.plan.Plan;
import dev.ktx.ingest.core.plan.RunReport;
import dev.ktx.ingest.core.plan.RunResults;

/**
 * A run as {@code GET /api/ingests/{runId}} reports it.
 *
 * @param exitCode null while running
 */
record RunState(String runId, String status, Integer exitCode, Plan plan, RunResults results) {

    static final String FINISHED = "finished";

    boolean finished() {
        return FINISHED.equals(status);
    }

    /** The planner's exit code once finished; the results decide it if the planner left it out. */
    int outcome() {
        return exitCode != null ? exitCode : results.exitCode();
    }

    RunReport report() {
        return new RunReport(runId, plan, results);
    }
}
