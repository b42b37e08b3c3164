package dev.ktx.ingest.core.messaging;

import java.util.List;

/** Kafka topic names of docs/services.md without the configurable prefix (default {@code ktx.}). */
public final class Topics {

    public static final String DEFAULT_PREFIX = "ktx.";

    public static final String INGEST_REQUESTS = "ingest.requests";
    public static final String UPSTREAM_EVENTS = "upstream.events";
    public static final String JOBS_DATABASE = "jobs.database";
    public static final String JOBS_SOURCE = "jobs.source";
    public static final String FINALIZE_REQUESTS = "finalize.requests";
    public static final String INGEST_RESULTS = "ingest.results";
    public static final String INGEST_STAGES = "ingest.stages";
    public static final String INGEST_TRACES = "ingest.traces";
    public static final String ROLLBACK_REQUESTS = "rollback.requests";

    public static final List<String> ALL = List.of(
            INGEST_REQUESTS,
            UPSTREAM_EVENTS,
            JOBS_DATABASE,
            JOBS_SOURCE,
            FINALIZE_REQUESTS,
            INGEST_RESULTS,
            INGEST_STAGES,
            INGEST_TRACES,
            ROLLBACK_REQUESTS);

    private Topics() {}

    /** The dead-letter topic of a consumed topic. */
    public static String dlq(String topic) {
        return topic + ".dlq";
    }
}
