package dev.ktx.ingest.cli.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Body of {@code POST /api/ingests}; absent fields are left out. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record IngestRequestBody(String projectId, String projectDir, String connectionId, Boolean all) {
}
