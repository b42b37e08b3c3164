package dev.ktx.ingest.connectors.dbt;

import dev.ktx.ingest.core.source.StagedSnapshot;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the adapter takes from a dbt project: models and docs blocks, each sorted by name. Read from
 * {@code target/manifest.json} when the project was compiled, else from the schema files and {@code models/**}{@code
 * /*.md}.
 */
record DbtDefinitions(List<DbtModel> models, List<DocsBlock> docs) {

    static final String PROJECT_FILE = "dbt_project.yml";

    /** @throws DbtProjectException a model defined twice, naming both files */
    DbtDefinitions {
        models = models.stream().sorted(Comparator.comparing(DbtModel::name)).toList();
        docs = docs.stream().sorted(Comparator.comparing(DocsBlock::name)).toList();
        Map<String, DbtModel> seen = new HashMap<>();
        for (DbtModel model : models) {
            DbtModel other = seen.putIfAbsent(model.name(), model);
            if (other != null) {
                throw new DbtProjectException(
                        "dbt model " + model.name() + " is defined twice: " + other.rawPath() + ", " + model.rawPath());
            }
        }
    }

    static DbtDefinitions read(StagedSnapshot snapshot) {
        String projectFile =
                snapshot.text(PROJECT_FILE).orElseThrow(() -> new DbtProjectException(PROJECT_FILE + " is missing"));
        String projectName =
                YamlNode.load(PROJECT_FILE, projectFile).get("name").requiredString();
        if (snapshot.files().containsKey(ManifestJsonReader.PATH)) {
            return ManifestJsonReader.read(snapshot, projectName);
        }
        List<DocsBlock> docs = snapshot.files().keySet().stream()
                .filter(path -> path.startsWith("models/") && path.endsWith(".md"))
                .flatMap(path -> DocsBlock.parse(path, snapshot.text(path).orElseThrow()).stream())
                .toList();
        Map<String, DocsBlock> byName = new LinkedHashMap<>();
        docs.forEach(block -> byName.putIfAbsent(block.name(), block));
        return new DbtDefinitions(SchemaYmlReader.read(snapshot, new DocReferences(byName)), docs);
    }
}
