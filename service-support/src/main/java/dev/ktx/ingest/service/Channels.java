package dev.ktx.ingest.service;

/**
 * The channel every service has. One rule names all channels (docs/services.md, "Channels"): the topic without its
 * prefix, dots as dashes, then {@code -in} for what the service consumes and {@code -out} for what it publishes,
 * e.g. {@code ingest-results-out} for {@code ktx.ingest.results}. Each service keeps its other channel names in one
 * {@code *Channels} class.
 */
public final class Channels {

    public static final String INGEST_TRACES_OUT = "ingest-traces-out";

    private Channels() {}
}
