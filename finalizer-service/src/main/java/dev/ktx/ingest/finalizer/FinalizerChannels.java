package dev.ktx.ingest.finalizer;

/**
 * The finalizer's channels besides {@link dev.ktx.ingest.service.Channels#INGEST_TRACES_OUT} (docs/services.md,
 * "Channels").
 */
public final class FinalizerChannels {

    public static final String FINALIZE_REQUESTS_IN = "finalize-requests-in";
    public static final String ROLLBACK_REQUESTS_IN = "rollback-requests-in";
    public static final String INGEST_RESULTS_OUT = "ingest-results-out";
    public static final String INGEST_STAGES_OUT = "ingest-stages-out";

    private FinalizerChannels() {}
}
