package dev.ktx.ingest.core.repo;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/** A warehouse column of a manifest entry; {@code descriptions} maps an origin (e.g. {@code db}, {@code dbt}) to its text. */
public record ManifestColumn(
        String name, String type, boolean pk, boolean nullable, SortedMap<String, String> descriptions) {

    public ManifestColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        descriptions = Collections.unmodifiableSortedMap(new TreeMap<>(descriptions));
    }

    static ManifestColumn read(YamlObject yaml) {
        yaml.allowOnly(Set.of("name", "type", "pk", "nullable", "descriptions"));
        return new ManifestColumn(
                yaml.requiredString("name"),
                yaml.requiredString("type"),
                yaml.bool("pk", false),
                yaml.bool("nullable", true),
                yaml.stringMap("descriptions"));
    }

    Object toYaml() {
        return new YamlTree()
                .put("name", name)
                .put("type", type)
                .put("pk", pk)
                .put("nullable", nullable)
                .putOptional("descriptions", descriptions)
                .build();
    }
}
