package dev.ktx.ingest.connectors.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A successful response: the body exactly as received (what a snapshot stores) and its parsed JSON. {@code request}
 * is {@code <connection>: <system> <METHOD> <path>}, for errors about the response's shape.
 */
public record ApiResponse(String request, byte[] body, JsonNode json) {

    /** The elements of the array {@code field} (the whole body when {@code field} is empty), which must be objects. */
    public List<JsonNode> objects(Optional<String> field) {
        JsonNode array = field.map(json::path).orElse(json);
        if (!array.isArray()) {
            throw unexpected(field.orElse("the body") + " is not an array");
        }
        List<JsonNode> objects = new ArrayList<>();
        array.forEach(element -> {
            if (!element.isObject()) {
                throw unexpected(field.orElse("the body") + " holds something other than objects");
            }
            objects.add(element);
        });
        return objects;
    }

    /** A required text (or number) field of {@code object}, e.g. an id. */
    public String text(JsonNode object, String field) {
        JsonNode value = object.path(field);
        if (!value.isTextual() && !value.isIntegralNumber()) {
            throw unexpected(field + " is missing");
        }
        return value.asText();
    }

    public ApiException unexpected(String why) {
        return new ApiException(request + " returned an unexpected response: " + why);
    }
}
