package dev.ktx.ingest.core.api;

import java.time.Instant;
import java.util.List;

/**
 * The answer to {@code POST /api/dlq/{topic}/replay}: what a replay did; {@code skipped} holds records replayed before,
 * with the time of that replay.
 */
public record ReplayView(String topic, String dlqTopic, List<Replayed> replayed, List<Replayed> skipped) {

    public record Replayed(int partition, long offset, Instant replayedAt) {}
}
