package dev.ktx.ingest.planner.rest;

/**
 * Body of {@code POST /api/ingests}: the project (its context repo path and, optionally, its id — default the
 * directory name), and either one {@code connectionId} or {@code all: true}.
 */
public record IngestRequestBody(String projectId, String projectDir, String connectionId, Boolean all) {
}
