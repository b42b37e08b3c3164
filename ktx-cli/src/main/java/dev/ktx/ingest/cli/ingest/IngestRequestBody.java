package dev.ktx.ingest.cli.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.ktx.ingest.cli.ProjectLocation;

/** Body of {@code POST /api/ingests}; absent fields are left out. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record IngestRequestBody(String projectId, @JsonUnwrapped ProjectLocation project, String connectionId, Boolean all) {
}
