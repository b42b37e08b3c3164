package dev.ktx.ingest.cli.dlq;

import dev.ktx.ingest.cli.ingest.PlannerClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The planner's {@code /api/dlq/{topic}}. The topic goes as given (with or without the prefix and {@code .dlq}): only
 * the planner knows the topic prefix, and it names the field when the topic is unknown.
 */
final class DeadLetterApi {

    /** Times stay as the planner wrote them (ISO-8601, UTC): they are only printed. */
    record DeadLetter(
            int partition, long offset, String time, String reason, String key, String preview, String replayedAt) {}

    record Listing(String topic, String dlqTopic, long total, List<DeadLetter> records) {}

    record ReplayRequest(Long offset, Integer partition, Boolean all, boolean force) {}

    record Replayed(int partition, long offset, String replayedAt) {}

    record Replay(String topic, String dlqTopic, List<Replayed> replayed, List<Replayed> skipped) {}

    private final PlannerClient planner;

    DeadLetterApi(PlannerClient planner) {
        this.planner = planner;
    }

    Listing list(String topic, int limit) {
        return planner.get(path(topic) + "?limit=" + limit, Listing.class);
    }

    Replay replay(String topic, ReplayRequest request) {
        return planner.post(path(topic) + "/replay", request, Replay.class);
    }

    private static String path(String topic) {
        return "api/dlq/" + URLEncoder.encode(topic, StandardCharsets.UTF_8);
    }
}
