package dev.ktx.ingest.compose;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code docker-compose.yml} as parsed YAML (merge keys resolved), with the accessors the checks need. */
record ComposeFile(Map<String, Object> root) {

    static final String PATH = "docker-compose.yml";
    /** The four ktx services. */
    static final List<String> KTX_SERVICES =
            List.of("planner-service", "database-ingest-service", "source-ingest-service", "finalizer-service");

    static ComposeFile load() {
        return new ComposeFile(RepoFiles.yaml(PATH));
    }

    Map<String, Object> services() {
        return map(root, "services");
    }

    Map<String, Object> service(String name) {
        return map(services(), name);
    }

    /** The service's environment, from either form (mapping or {@code NAME=value} list); values as strings. */
    Map<String, String> environment(String service) {
        Object environment = service(service).get("environment");
        Map<String, String> variables = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> entries) {
            entries.forEach((name, value) -> variables.put(name.toString(), value == null ? null : value.toString()));
        } else if (environment instanceof List<?> entries) {
            for (Object entry : entries) {
                String[] parts = entry.toString().split("=", 2);
                variables.put(parts[0], parts.length == 2 ? parts[1] : null);
            }
        }
        return variables;
    }

    /** The value the service's environment gives its HTTP port variable (from its application.properties). */
    String httpPort(String service) {
        return environment(service).get(ServiceProperties.of(service).httpPortVariable());
    }

    /** A list of scalars (volumes, entrypoint ...) as strings; empty when the key is absent. */
    static List<String> strings(Map<String, Object> parent, String key) {
        return parent.get(key) instanceof List<?> list
                ? list.stream().map(String::valueOf).toList()
                : List.of();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        if (!(value instanceof Map)) {
            throw new AssertionError("no mapping '" + key + "' in " + parent.keySet());
        }
        return (Map<String, Object>) value;
    }
}
