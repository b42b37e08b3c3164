package dev.ktx.ingest.core.api;

/**
 * Body of {@code POST /api/dlq/{topic}/replay}: replay the record at {@code offset} (of {@code partition}, if the topic
 * has several), or {@code all}; {@code force} replays records that were replayed before, too.
 */
public record ReplayRequestBody(Long offset, Integer partition, Boolean all, Boolean force) {}
