package dev.ktx.ingest.worker;

/** The channels both workers publish a job's outcome on (docs/services.md, "Channels"). */
public final class WorkerChannels {

    public static final String INGEST_RESULTS_OUT = "ingest-results-out";
    public static final String FINALIZE_REQUESTS_OUT = "finalize-requests-out";

    private WorkerChannels() {}
}
