package dev.ktx.ingest.planner;

/**
 * The planner's channels besides {@link dev.ktx.ingest.service.Channels#INGEST_TRACES_OUT} (docs/services.md,
 * "Channels").
 */
public final class PlannerChannels {

    public static final String INGEST_REQUESTS_IN = "ingest-requests-in";
    public static final String UPSTREAM_EVENTS_IN = "upstream-events-in";
    public static final String INGEST_RESULTS_IN = "ingest-results-in";
    public static final String INGEST_STAGES_IN = "ingest-stages-in";
    public static final String INGEST_TRACES_IN = "ingest-traces-in";

    public static final String JOBS_DATABASE_OUT = "jobs-database-out";
    public static final String JOBS_SOURCE_OUT = "jobs-source-out";
    public static final String FINALIZE_REQUESTS_OUT = "finalize-requests-out";
    public static final String INGEST_STAGES_OUT = "ingest-stages-out";
    public static final String INGEST_RESULTS_OUT = "ingest-results-out";
    public static final String ROLLBACK_REQUESTS_OUT = "rollback-requests-out";

    private PlannerChannels() {}
}
