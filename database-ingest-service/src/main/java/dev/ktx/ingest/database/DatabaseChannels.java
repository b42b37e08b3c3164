package dev.ktx.ingest.database;

/**
 * The database worker's own channel (docs/services.md, "Channels"); its outgoing ones are the workers' shared
 * {@link dev.ktx.ingest.worker.WorkerChannels} and {@link dev.ktx.ingest.service.Channels#INGEST_TRACES_OUT}.
 */
public final class DatabaseChannels {

    public static final String JOBS_DATABASE_IN = "jobs-database-in";

    private DatabaseChannels() {}
}
