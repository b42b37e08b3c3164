package dev.ktx.ingest.core.api;

import java.util.List;

/**
 * {@code GET /api/dlq/{topic}}: the topics, how many dead letters the topic holds and the newest {@code limit} of them.
 */
public record DeadLetterListing(String topic, String dlqTopic, long total, List<DeadLetterView> records) {}
