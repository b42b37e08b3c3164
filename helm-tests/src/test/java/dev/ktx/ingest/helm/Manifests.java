package dev.ktx.ingest.helm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.yaml.snakeyaml.Yaml;

/** The documents of one {@code helm template} output, with accessors for what the tests look at. */
record Manifests(String text, List<Map<String, Object>> documents) {

    @SuppressWarnings("unchecked")
    static Manifests parse(String text) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml().loadAll(text)) {
            if (document != null) { // the empty documents between `---` separators
                documents.add((Map<String, Object>) document);
            }
        }
        return new Manifests(text, documents);
    }

    List<Map<String, Object>> ofKind(String kind) {
        return documents.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    Map<String, Object> one(String kind, String name) {
        return ofKind(kind).stream()
                .filter(d -> name.equals(get(d, "metadata.name")))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException(kind + " " + name + " not rendered"));
    }

    Map<String, Object> deployment(String service) {
        return one("Deployment", HelmChart.FULLNAME + "-" + service);
    }

    /** The single container of a service's Deployment. */
    Map<String, Object> container(String service) {
        List<Map<String, Object>> containers = get(deployment(service), "spec.template.spec.containers");
        if (containers.size() != 1) {
            throw new IllegalStateException(service + " has " + containers.size() + " containers");
        }
        return containers.get(0);
    }

    Map<String, String> configMapData(String name) {
        return get(one("ConfigMap", name), "data");
    }

    /** The container's {@code env} entries by name. */
    Map<String, Map<String, Object>> env(String service) {
        List<Map<String, Object>> env = get(container(service), "env");
        Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
        if (env != null) {
            env.forEach(e -> byName.put((String) e.get("name"), e));
        }
        return byName;
    }

    /** Every variable the container gets: the keys of the ConfigMaps it takes with envFrom, and its env names. */
    Set<String> environmentNames(String service) {
        Set<String> names = new LinkedHashSet<>();
        List<Map<String, Object>> envFrom = get(container(service), "envFrom");
        if (envFrom != null) {
            for (Map<String, Object> source : envFrom) {
                String configMap = get(source, "configMapRef.name");
                if (configMap != null) {
                    names.addAll(configMapData(configMap).keySet());
                }
            }
        }
        names.addAll(env(service).keySet());
        return names;
    }

    /** The value at a dotted path of maps ({@code null} when a step is missing). */
    @SuppressWarnings("unchecked")
    static <T> T get(Map<String, Object> node, String path) {
        Object current = node;
        for (String step : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(step);
        }
        return (T) current;
    }
}
