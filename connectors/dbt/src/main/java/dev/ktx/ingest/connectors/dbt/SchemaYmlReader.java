package dev.ktx.ingest.connectors.dbt;

import dev.ktx.ingest.core.source.StagedSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Models from the schema files of an uncompiled project ({@code models/**}{@code /*.yml}):
 * {@code models: [{name, description, columns: [{name, description, tests | data_tests}]}]}. Descriptions that are
 * just {@code {{ doc('name') }}} calls are rendered from the project's docs blocks, as dbt would.
 */
final class SchemaYmlReader {

    private final DocReferences docs;

    private SchemaYmlReader(DocReferences docs) {
        this.docs = docs;
    }

    static boolean isSchemaFile(String rawPath) {
        return rawPath.startsWith("models/") && (rawPath.endsWith(".yml") || rawPath.endsWith(".yaml"));
    }

    /** @param docs renders {@code doc()} calls */
    static List<DbtModel> read(StagedSnapshot snapshot, DocReferences docs) {
        SchemaYmlReader reader = new SchemaYmlReader(docs);
        List<DbtModel> models = new ArrayList<>();
        snapshot.files().keySet().stream().filter(SchemaYmlReader::isSchemaFile).forEach(path -> {
            YamlNode root = YamlNode.load(path, snapshot.text(path).orElseThrow());
            root.get("models").items().forEach(model -> models.add(reader.model(model, path)));
        });
        return models;
    }

    private DbtModel model(YamlNode model, String rawPath) {
        List<DbtColumn> columns = model.get("columns").items().stream()
                .map(column -> new DbtColumn(column.get("name").requiredString(), description(column), tests(column)))
                .toList();
        return new DbtModel(
                model.get("name").requiredString(), description(model), columns, DbtSemantics.NONE, List.of(), rawPath);
    }

    private String description(YamlNode node) {
        return docs.render(node.get("description").optionalString().orElse(""));
    }

    /** {@code - not_null}, {@code - accepted_values: {values: [..]}} and dbt 1.10's {@code {arguments: {..}}}. */
    private static List<DbtTest> tests(YamlNode column) {
        return Stream.concat(column.get("tests").items().stream(), column.get("data_tests").items().stream())
                .map(SchemaYmlReader::test)
                .toList();
    }

    private static DbtTest test(YamlNode test) {
        if (test.isString()) {
            return new DbtTest(test.requiredString(), Map.of());
        }
        Map<String, YamlNode> entries = test.entries();
        if (entries.size() != 1) {
            throw new DbtProjectException(test.file() + ": " + test.path() + " must name one test");
        }
        Map.Entry<String, YamlNode> entry = entries.entrySet().iterator().next();
        YamlNode arguments = entry.getValue().get("arguments").isMissing()
                ? entry.getValue()
                : entry.getValue().get("arguments");
        Map<String, Object> values = new LinkedHashMap<>();
        arguments.entries().forEach((name, value) -> {
            if (!value.isMissing()) {
                values.put(name, value.value());
            }
        });
        return new DbtTest(entry.getKey(), values);
    }
}
