package dev.ktx.ingest.cli.dlq;

import dev.ktx.ingest.cli.ingest.PlannerClient;
import dev.ktx.ingest.core.api.DeadLetterListing;
import dev.ktx.ingest.core.api.ReplayRequestBody;
import dev.ktx.ingest.core.api.ReplayView;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The planner's {@code /api/dlq/{topic}}. The topic goes as given (with or without the prefix and {@code .dlq}): only
 * the planner knows the topic prefix, and it names the field when the topic is unknown.
 */
final class DeadLetterApi {

    private final PlannerClient planner;

    DeadLetterApi(PlannerClient planner) {
        this.planner = planner;
    }

    DeadLetterListing list(String topic, int limit) {
        return planner.get(path(topic) + "?limit=" + limit, DeadLetterListing.class);
    }

    ReplayView replay(String topic, ReplayRequestBody request) {
        return planner.post(path(topic) + "/replay", request, ReplayView.class);
    }

    private static String path(String topic) {
        return "api/dlq/" + URLEncoder.encode(topic, StandardCharsets.UTF_8);
    }
}
