package dev.ktx.ingest.core.api;

/** The {@code 202} answer to {@code POST /api/ingests}: the id of the run started (or of the first run with the key). */
public record StartedRun(String runId) {}
