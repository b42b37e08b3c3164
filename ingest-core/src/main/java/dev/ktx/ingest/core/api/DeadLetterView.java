package dev.ktx.ingest.core.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One dead letter as {@code GET /api/dlq/{topic}} shows it: where it sits, when it was dead-lettered, why, its key,
 * the start of its value (on one line) and, when it was replayed, when.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeadLetterView(
        int partition, long offset, Instant time, String reason, String key, String preview, Instant replayedAt) {}
