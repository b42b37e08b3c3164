package dev.ktx.ingest.planner.trigger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ktx.ingest.core.messaging.IngestRequestMessage;
import dev.ktx.ingest.core.messaging.InvalidMessageException;
import dev.ktx.ingest.core.messaging.MessageCodec;
import dev.ktx.ingest.core.messaging.ProjectRef;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An upstream CloudEvent 1.0, read from structured JSON ({@code upstream.events}, {@code POST /api/events} with
 * {@code application/cloudevents+json}) or from binary HTTP ({@code ce-*} headers, body = data). Every reading
 * failure is an {@link InvalidMessageException} naming the attribute, so it becomes a dead-letter reason or a 400.
 *
 * @param subject    null when the event has none
 * @param data       null when the event has none
 * @param extensions extension attributes by name (lower case), e.g. {@code ktxprojectdir}
 */
public record CloudEvent(
        String id, String source, String type, String subject, JsonNode data, Map<String, String> extensions) {

    static final String SPEC_VERSION = "1.0";
    /** Extension attributes naming the project of an event whose data does not. */
    static final String PROJECT_DIR = "ktxprojectdir";

    static final String PROJECT_ID = "ktxprojectid";
    private static final Set<String> CONTEXT_ATTRIBUTES = Set.of(
            "specversion",
            "id",
            "source",
            "type",
            "subject",
            "datacontenttype",
            "dataschema",
            "time",
            "data",
            "data_base64");
    private static final ObjectMapper JSON = new ObjectMapper();

    public CloudEvent {
        extensions = Map.copyOf(extensions);
    }

    /** Structured mode: the whole event is one JSON object. */
    public static CloudEvent structured(String json) {
        JsonNode event = json(json, "CloudEvent");
        if (!(event instanceof ObjectNode object)) {
            throw malformed("CloudEvent must be a JSON object");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        Map<String, String> extensions = new LinkedHashMap<>();
        object.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("data")
                    && field.getValue().isValueNode()
                    && !field.getValue().isNull()) {
                (CONTEXT_ATTRIBUTES.contains(field.getKey()) ? attributes : extensions)
                        .put(field.getKey(), field.getValue().asText());
            }
        });
        JsonNode data = object.get("data");
        return of(attributes, data == null || data.isNull() ? null : data, extensions);
    }

    /**
     * Binary mode: attributes in {@code ce-<name>} headers (case-insensitive), the body is the data, read as JSON when
     * the content type is JSON ({@code application/json} or {@code +json}) and left out otherwise.
     */
    public static CloudEvent binary(Map<String, String> headers, String contentType, String body) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Map<String, String> extensions = new LinkedHashMap<>();
        headers.forEach((header, value) -> {
            String name = header.toLowerCase(Locale.ROOT);
            if (name.startsWith("ce-") && name.length() > 3) {
                String attribute = name.substring(3);
                (CONTEXT_ATTRIBUTES.contains(attribute) ? attributes : extensions).put(attribute, value);
            }
        });
        boolean json =
                contentType != null && (contentType.startsWith("application/json") || contentType.contains("+json"));
        JsonNode data = json && body != null && !body.isBlank() ? json(body, "CloudEvent data") : null;
        return of(attributes, data, extensions);
    }

    private static CloudEvent of(Map<String, String> attributes, JsonNode data, Map<String, String> extensions) {
        for (String required : new String[] {"specversion", "id", "source", "type"}) {
            String value = attributes.get(required);
            if (value == null || value.isBlank()) {
                throw malformed("CloudEvent attribute missing: " + required);
            }
        }
        if (!SPEC_VERSION.equals(attributes.get("specversion"))) {
            throw malformed("unsupported CloudEvents specversion " + attributes.get("specversion") + " (supported: "
                    + SPEC_VERSION + ")");
        }
        return new CloudEvent(
                attributes.get("id"),
                attributes.get("source"),
                attributes.get("type"),
                attributes.get("subject"),
                data,
                extensions);
    }

    /**
     * The project the event is about: {@code data.project} ({@code {projectId?, projectDir | repoUrl, branch?}}) when present, else the
     * extension attributes {@code ktxprojectdir} and optional {@code ktxprojectid}. A project id defaults to the
     * directory's name.
     *
     * @throws InvalidMessageException when the event names no project
     */
    public ProjectRef project() {
        JsonNode project = data == null ? null : data.get("project");
        if (project != null && !project.isNull()) {
            if (!project.isObject()) {
                throw malformed(
                        "CloudEvent data.project must be an object {projectId?, projectDir | repoUrl, branch?}");
            }
            String id = text(project, "projectId");
            String repoUrl = text(project, "repoUrl");
            if (repoUrl != null) {
                return remoteProject(id, repoUrl, text(project, "branch"));
            }
            String dir = text(project, "projectDir");
            if (dir == null || dir.isBlank()) {
                throw malformed("CloudEvent data.project.projectDir is required (a string)");
            }
            return ProjectRef.withDefaultId(id, dir);
        }
        return Optional.ofNullable(extensions.get(PROJECT_DIR))
                .filter(dir -> !dir.isBlank())
                .map(dir -> ProjectRef.withDefaultId(extensions.get(PROJECT_ID), dir))
                .orElseThrow(() -> malformed("CloudEvent names no project: give data.project.projectDir or the "
                        + PROJECT_DIR + " extension attribute"));
    }

    /** The ingest request in the data of the built-in {@code ktx.ingest.requested} event: {@code {project, connectionId | all}}. */
    IngestRequestMessage ingestRequest() {
        if (!(data instanceof ObjectNode object)) {
            throw malformed("CloudEvent data must be an ingest request object {project, connectionId | all}");
        }
        ObjectNode request = object.deepCopy();
        request.put("schemaVersion", 1);
        if (!request.has("project")) {
            request.set("project", JSON.valueToTree(project()));
        }
        return MessageCodec.read(request.toString(), IngestRequestMessage.class);
    }

    private static JsonNode json(String text, String what) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null) {
                throw malformed(what + " is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            // the original message only: the full one quotes the input
            throw malformed("unreadable " + what + ": " + e.getOriginalMessage());
        }
    }

    private static String text(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw malformed("CloudEvent data.project." + field + " must be a string");
        }
        return value.asText();
    }

    private static ProjectRef remoteProject(String projectId, String repoUrl, String branch) {
        try {
            return ProjectRef.remote(projectId, repoUrl, branch);
        } catch (IllegalArgumentException e) {
            throw malformed("CloudEvent data." + e.getMessage());
        }
    }

    private static InvalidMessageException malformed(String reason) {
        return new InvalidMessageException(reason, null);
    }
}
