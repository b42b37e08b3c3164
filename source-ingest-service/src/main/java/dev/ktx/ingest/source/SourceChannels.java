package dev.ktx.ingest.source;

/**
 * The source worker's own channel (docs/services.md, "Channels"); its outgoing ones are the workers' shared
 * {@link dev.ktx.ingest.worker.WorkerChannels} and {@link dev.ktx.ingest.service.Channels#INGEST_TRACES_OUT}.
 */
public final class SourceChannels {

    public static final String JOBS_SOURCE_IN = "jobs-source-in";

    private SourceChannels() {}
}
