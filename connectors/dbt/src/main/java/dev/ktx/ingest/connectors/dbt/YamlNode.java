package dev.ktx.ingest.connectors.dbt;

import dev.ktx.ingest.core.input.YamlLoaders;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A value inside a loaded dbt YAML file that knows where it is, so a wrong shape is reported as
 * {@code <file>: <path> must be <what>}. dbt reads YAML with YAML 1.1 typing; SnakeYAML's default resolver agrees.
 */
record YamlNode(String file, String path, Object value) {

    /** @throws DbtProjectException {@code <file>: malformed YAML at line <n>, column <m>: <problem>} */
    static YamlNode load(String file, String text) {
        try {
            return new YamlNode(file, "", new Yaml(new SafeConstructor(YamlLoaders.options())).load(text));
        } catch (MarkedYAMLException e) {
            String at = e.getProblemMark() == null
                    ? ""
                    : " at line " + (e.getProblemMark().getLine() + 1) + ", column "
                            + (e.getProblemMark().getColumn() + 1);
            throw new DbtProjectException(file + ": malformed YAML" + at + ": " + e.getProblem());
        } catch (YAMLException e) {
            throw new DbtProjectException(file + ": malformed YAML: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    boolean isMissing() {
        return value == null;
    }

    boolean isString() {
        return value instanceof String;
    }

    /** The field of a mapping (missing when absent); this node must be a mapping or missing. */
    YamlNode get(String key) {
        Object field = isMissing() ? null : map().get(key);
        return new YamlNode(file, path.isEmpty() ? key : path + "." + key, field);
    }

    /** The entries of a mapping, in file order; empty when missing. */
    Map<String, YamlNode> entries() {
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        if (!isMissing()) {
            map().keySet().forEach(key -> entries.put(String.valueOf(key), get(String.valueOf(key))));
        }
        return entries;
    }

    /** The items of a list; empty when missing. */
    List<YamlNode> items() {
        if (isMissing()) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw invalid("a list");
        }
        List<YamlNode> items = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            items.add(new YamlNode(file, path + "[" + i + "]", list.get(i)));
        }
        return items;
    }

    Optional<String> optionalString() {
        if (isMissing()) {
            return Optional.empty();
        }
        if (value instanceof Map || value instanceof List) {
            throw invalid("a text");
        }
        return Optional.of(String.valueOf(value));
    }

    String requiredString() {
        return optionalString()
                .filter(text -> !text.isBlank())
                .orElseThrow(() -> new DbtProjectException(file + ": " + path + " is required"));
    }

    private Map<?, ?> map() {
        if (!(value instanceof Map<?, ?> map)) {
            throw invalid("a mapping");
        }
        return map;
    }

    private DbtProjectException invalid(String what) {
        return new DbtProjectException(file + ": " + (path.isEmpty() ? "the document" : path) + " must be " + what);
    }
}
