package dev.ktx.ingest.connectors.dbt;

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
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Models and docs blocks of a compiled project, from {@code target/manifest.json}: {@code nodes} of
 * {@code resource_type} {@code model} and the {@code sources} (tables the project reads), the column tests attached
 * to them, the exposures that read them, MetricFlow's semantic models and metrics on them
 * ({@link SemanticModelsReader}), and the {@code docs} of
 * the project's own package (installed packages and dbt's built-in overview are not the team's prose). dbt renders
 * {@code doc()} calls when it compiles; any left are rendered here as for schema files.
 */
final class ManifestJsonReader {

    static final String PATH = "target/manifest.json";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> ARGUMENTS = new TypeReference<>() {};

    private ManifestJsonReader() {}

    static DbtDefinitions read(StagedSnapshot snapshot, String projectName) {
        JsonNode manifest = parse(snapshot.text(PATH).orElseThrow());
        SortedMap<String, JsonNode> nodes = fields(manifest.path("nodes"));
        List<DocsBlock> docs = new ArrayList<>();
        manifest.path("docs").forEach(doc -> {
            if (doc.path("package_name").asText().equals(projectName)) {
                docs.add(new DocsBlock(
                        doc.path("name").asText(),
                        doc.path("block_contents").asText().strip(),
                        PATH));
            }
        });
        Map<String, DocsBlock> docsByName = new HashMap<>();
        docs.forEach(block -> docsByName.putIfAbsent(block.name(), block));
        DocReferences references = new DocReferences(docsByName);

        Map<String, String> relations = new TreeMap<>();
        nodes.forEach((id, node) -> {
            if (node.path("resource_type").asText().equals("model")) {
                relations.put(id, relation(node));
            }
        });
        Map<String, DbtSemantics> semantics = SemanticModelsReader.read(manifest, relations, references);
        Map<String, Map<String, List<DbtTest>>> testsByNode = columnTests(nodes.values());
        Map<String, List<String>> usedBy = ExposureLines.byNode(manifest.path("exposures"));
        List<DbtModel> models = new ArrayList<>();
        relations
                .keySet()
                .forEach(id -> models.add(model(
                        nodes.get(id),
                        testsByNode.getOrDefault(id, Map.of()),
                        semantics.getOrDefault(id, DbtSemantics.NONE),
                        usedBy.getOrDefault(id, List.of()),
                        references)));
        // a source table that a model also builds is the model's (e.g. a model materialised over its own source)
        fields(manifest.path("sources")).forEach((id, source) -> {
            if (!relations.containsValue(relation(source))) {
                models.add(model(
                        source,
                        testsByNode.getOrDefault(id, Map.of()),
                        DbtSemantics.NONE,
                        usedBy.getOrDefault(id, List.of()),
                        references));
            }
        });
        return new DbtDefinitions(models, docs);
    }

    /** The entries of a JSON object by key, so that the manifest's order does not matter. */
    static SortedMap<String, JsonNode> fields(JsonNode object) {
        SortedMap<String, JsonNode> fields = new TreeMap<>();
        object.fields().forEachRemaining(field -> fields.put(field.getKey(), field.getValue()));
        return fields;
    }

    /** The table a model builds ({@code alias}) or a source reads ({@code identifier}), else its name. */
    private static String relation(JsonNode node) {
        for (String field : List.of("alias", "identifier")) {
            if (!node.path(field).asText("").isBlank()) {
                return node.path(field).asText();
            }
        }
        return node.path("name").asText();
    }

    private static JsonNode parse(String text) {
        try {
            JsonNode manifest = MAPPER.readTree(text);
            if (manifest == null || !manifest.isObject()) {
                throw new DbtProjectException(PATH + ": must be a JSON object");
            }
            return manifest;
        } catch (JsonProcessingException e) {
            throw new DbtProjectException(
                    PATH + ": malformed JSON at line " + e.getLocation().getLineNr() + ": " + e.getOriginalMessage());
        }
    }

    private static DbtModel model(
            JsonNode node,
            Map<String, List<DbtTest>> tests,
            DbtSemantics semantics,
            List<String> usedBy,
            DocReferences docs) {
        List<DbtColumn> columns = new ArrayList<>();
        node.path("columns").forEach(column -> {
            String columnName = column.path("name").asText();
            columns.add(new DbtColumn(
                    columnName,
                    docs.render(column.path("description").asText("")),
                    tests.getOrDefault(columnName, List.of())));
        });
        return new DbtModel(
                relation(node), docs.render(node.path("description").asText("")), columns, semantics, usedBy, PATH);
    }

    /** Model or source node id → column → its tests, from test nodes ({@code attached_node}, else their one dependency). */
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
            tests.computeIfAbsent(model, id -> new TreeMap<>())
                    .computeIfAbsent(column, c -> new ArrayList<>())
                    .add(new DbtTest(metadata.path("name").asText(), arguments));
        }
        return tests;
    }
}
