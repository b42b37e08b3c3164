package dev.ktx.ingest.core.api;

/**
 * The {@code 202} answer to {@code POST /api/ingests}: the run started, or the first run of the same idempotency key.
 */
public record StartedRun(String runId) {}
