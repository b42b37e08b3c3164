package dev.ktx.ingest.core.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ktx.ingest.core.input.RawFormatException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One JSON object of a raw snapshot file, with typed accessors that fail with {@link RawFormatException} naming the
 * file and the field ({@code cards/7.json: dataset_query.type is required}).
 */
public final class RawJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String file;
    private final String path;
    private final JsonNode node;

    private RawJson(String file, String path, JsonNode node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    /** The file's top-level JSON value, which must be an object. */
    public static RawJson parseObject(String file, byte[] content) {
        JsonNode root = parse(file, content);
        if (!root.isObject()) {
            throw new RawFormatException(file, "expected a JSON object");
        }
        return new RawJson(file, "", root);
    }

    /** The file's top-level JSON value, which must be an array of objects. */
    public static List<RawJson> parseArray(String file, byte[] content) {
        JsonNode root = parse(file, content);
        if (!root.isArray()) {
            throw new RawFormatException(file, "expected a JSON array");
        }
        return new RawJson(file, "", root).elements("", root);
    }

    public String file() {
        return file;
    }

    public JsonNode node() {
        return node;
    }

    /** The object's field names in document order. */
    public List<String> fieldNames() {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A required string (or number, as its text). */
    public String text(String field) {
        return optionalText(field).orElseThrow(() -> invalid(field, "is required"));
    }

    public Optional<String> optionalText(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual() && !value.isNumber()) {
            throw invalid(field, "must be a string");
        }
        return Optional.of(value.asText());
    }

    /** A required integer id. */
    public long id(String field) {
        return optionalId(field).orElseThrow(() -> invalid(field, "is required"));
    }

    public Optional<Long> optionalId(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.canConvertToLong() || !value.isIntegralNumber()) {
            throw invalid(field, "must be an integer");
        }
        return Optional.of(value.asLong());
    }

    /** A boolean that is {@code false} when absent. */
    public boolean flag(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw invalid(field, "must be a boolean");
        }
        return value.asBoolean();
    }

    public RawJson object(String field) {
        return optionalObject(field).orElseThrow(() -> invalid(field, "is required"));
    }

    public Optional<RawJson> optionalObject(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            throw invalid(field, "must be an object");
        }
        return Optional.of(new RawJson(file, qualify(field), value));
    }

    /** The objects of an array field; empty when the field is absent. */
    public List<RawJson> objects(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw invalid(field, "must be an array");
        }
        return elements(qualify(field), value);
    }

    /** The arrays of objects of an array field, e.g. the cells of a Notion table row; empty when absent. */
    public List<List<RawJson>> arraysOfObjects(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw invalid(field, "must be an array");
        }
        List<List<RawJson>> arrays = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            String elementPath = qualify(field) + "[" + i + "]";
            if (!value.get(i).isArray()) {
                throw new RawFormatException(file, elementPath + " must be an array");
            }
            arrays.add(elements(elementPath, value.get(i)));
        }
        return arrays;
    }

    public RawFormatException invalid(String field, String why) {
        return new RawFormatException(file, qualify(field) + " " + why);
    }

    private List<RawJson> elements(String arrayPath, JsonNode array) {
        List<RawJson> elements = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String elementPath = arrayPath + "[" + i + "]";
            if (!array.get(i).isObject()) {
                throw new RawFormatException(file, elementPath + " must be an object");
            }
            elements.add(new RawJson(file, elementPath, array.get(i)));
        }
        return elements;
    }

    private String qualify(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private static JsonNode parse(String file, byte[] content) {
        try {
            JsonNode root = MAPPER.readTree(content);
            if (root == null || root.isMissingNode()) {
                throw new RawFormatException(file, "invalid JSON: empty file");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new RawFormatException(file, "invalid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new RawFormatException(file, "invalid JSON: " + e.getMessage());
        }
    }
}
