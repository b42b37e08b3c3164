package dev.ktx.ingest.core.git;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON of a sentinel commit message: {@code {outcome, at, baseSha, conflictPaths?, error}} with {@code at}
 * in ISO-8601 UTC and {@code conflictPaths} omitted when empty. Written field by field so that the format is
 * stated here rather than derived from the record.
 */
final class SentinelCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SentinelCodec() {}

    static String encode(Sentinel sentinel) {
        ObjectNode node = JSON.createObjectNode();
        node.put("outcome", sentinel.outcome().name());
        node.put("at", DateTimeFormatter.ISO_INSTANT.format(sentinel.at()));
        node.put("baseSha", sentinel.baseSha());
        if (!sentinel.conflictPaths().isEmpty()) {
            ArrayNode paths = node.putArray("conflictPaths");
            sentinel.conflictPaths().forEach(paths::add);
        }
        node.put("error", sentinel.error());
        return node.toString();
    }

    static Sentinel decode(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            List<String> paths = new ArrayList<>();
            node.path("conflictPaths").forEach(path -> paths.add(path.asText()));
            return new Sentinel(
                    Sentinel.Outcome.valueOf(node.path("outcome").asText()),
                    Instant.parse(node.path("at").asText()),
                    textOrNull(node, "baseSha"),
                    paths,
                    textOrNull(node, "error"));
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("not a sentinel message: " + json, e);
        }
    }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
