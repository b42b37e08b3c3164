package dev.ktx.ingest.planner.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ktx.ingest.core.messaging.IngestRequestMessage;
import dev.ktx.ingest.core.messaging.InvalidMessageException;
import dev.ktx.ingest.core.messaging.MessageCodec;

import java.io.IOException;

/**
 * Upstream events in CloudEvents 1.0 structured JSON ({@code specversion}, {@code id}, {@code source},
 * {@code type}, {@code data}); {@code data} carries an ingest request: {@code {project, connectionId?, all?}}.
 */
final class CloudEvents {

    static final String SPEC_VERSION = "1.0";
    private static final ObjectMapper JSON = new ObjectMapper();

    private CloudEvents() {
    }

    /** An upstream event: its identity ({@code source} + {@code id}) and the ingest request in its {@code data}. */
    record UpstreamEvent(String source, String id, IngestRequestMessage request) {
    }

    static UpstreamEvent ingestRequest(String json) {
        JsonNode event;
        try {
            event = JSON.readTree(json);
        } catch (IOException e) {
            throw new InvalidMessageException("unreadable CloudEvent: " + e.getMessage(), e);
        }
        if (event == null || !event.isObject()) {
            throw new InvalidMessageException("CloudEvent must be a JSON object", null);
        }
        for (String attribute : new String[] {"specversion", "id", "source", "type", "data"}) {
            if (!event.hasNonNull(attribute)) {
                throw new InvalidMessageException("CloudEvent attribute missing: " + attribute, null);
            }
        }
        if (!SPEC_VERSION.equals(event.get("specversion").asText())) {
            throw new InvalidMessageException("unsupported CloudEvents specversion " + event.get("specversion").asText(), null);
        }
        if (!(event.get("data") instanceof ObjectNode data)) {
            throw new InvalidMessageException("CloudEvent data must be an ingest request object", null);
        }
        ObjectNode request = data.deepCopy();
        request.put("schemaVersion", 1);
        return new UpstreamEvent(event.get("source").asText(), event.get("id").asText(),
                MessageCodec.read(request.toString(), IngestRequestMessage.class));
    }
}
