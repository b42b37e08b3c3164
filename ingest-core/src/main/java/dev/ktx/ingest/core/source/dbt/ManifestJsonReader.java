package dev.ktx.ingest.core.source.dbt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ktx.ingest.core.source.StagedSnapshot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Models and docs blocks of a compiled project, from {@code target/manifest.json}: {@code nodes} of
 * {@code resource_type} {@code model} (descriptions already rendered by dbt), the column tests attached to them, and
 * the {@code docs} of the project's own package (installed packages and dbt's built-in overview are not the team's
 * prose).
 */
final class ManifestJsonReader {

    static final String PATH = "target/manifest.json";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> ARGUMENTS = new TypeReference<>() {
    };

    private ManifestJsonReader() {
    }

    static DbtDefinitions read(StagedSnapshot snapshot, String projectName) {
        JsonNode manifest = parse(snapshot.text(PATH).orElseThrow());
        Map<String, JsonNode> nodes = new TreeMap<>();
        manifest.path("nodes").fields().forEachRemaining(node -> nodes.put(node.getKey(), node.getValue()));
        Map<String, Map<String, List<DbtTest>>> testsByModel = columnTests(nodes.values());
        List<DbtModel> models = new ArrayList<>();
        nodes.forEach((id, node) -> {
            if (node.path("resource_type").asText().equals("model")) {
                models.add(model(node, testsByModel.getOrDefault(id, Map.of())));
            }
        });
        List<DocsBlock> docs = new ArrayList<>();
        manifest.path("docs").forEach(doc -> {
            if (doc.path("package_name").asText().equals(projectName)) {
                docs.add(new DocsBlock(doc.path("name").asText(), doc.path("block_contents").asText().strip(), PATH));
            }
        });
        return new DbtDefinitions(models, docs);
    }

    private static JsonNode parse(String text) {
        try {
            JsonNode manifest = MAPPER.readTree(text);
            if (manifest == null || !manifest.isObject()) {
                throw new DbtProjectException(PATH + ": must be a JSON object");
            }
            return manifest;
        } catch (JsonProcessingException e) {
            throw new DbtProjectException(PATH + ": malformed JSON at line " + e.getLocation().getLineNr() + ": "
                    + e.getOriginalMessage());
        }
    }

    private static DbtModel model(JsonNode node, Map<String, List<DbtTest>> tests) {
        String alias = node.path("alias").asText("");
        String name = alias.isBlank() ? node.path("name").asText() : alias;
        List<DbtColumn> columns = new ArrayList<>();
        node.path("columns").forEach(column -> {
            String columnName = column.path("name").asText();
            columns.add(new DbtColumn(columnName, column.path("description").asText("").strip(),
                    tests.getOrDefault(columnName, List.of())));
        });
        return new DbtModel(name, node.path("description").asText("").strip(), columns, PATH);
    }

    /** Model node id → column → its tests, from test nodes ({@code attached_node}, else their one dependency). */
    private static Map<String, Map<String, List<DbtTest>>> columnTests(Iterable<JsonNode> nodes) {
        Map<String, Map<String, List<DbtTest>>> tests = new HashMap<>();
        for (JsonNode node : nodes) {
            JsonNode metadata = node.path("test_metadata");
            String column = node.path("column_name").asText("");
            if (!node.path("resource_type").asText().equals("test") || metadata.isMissingNode() || column.isBlank()) {
                continue;
            }
            String model = node.path("attached_node").asText("");
            if (model.isBlank() && node.path("depends_on").path("nodes").size() == 1) {
                model = node.path("depends_on").path("nodes").get(0).asText();
            }
            Map<String, Object> arguments = new TreeMap<>();
            if (metadata.path("kwargs").isObject()) {
                arguments.putAll(MAPPER.convertValue(metadata.path("kwargs"), ARGUMENTS));
                arguments.values().removeIf(Objects::isNull);
            }
            tests.computeIfAbsent(model, id -> new TreeMap<>()).computeIfAbsent(column, c -> new ArrayList<>())
                    .add(new DbtTest(metadata.path("name").asText(), arguments));
        }
        return tests;
    }
}
