package dev.ktx.ingest.core.repo;

import java.util.Collections;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/** What an overlay changes on one manifest column: its semantic {@code type} ({@code null} = keep) and descriptions. */
public record ColumnOverride(String type, SortedMap<String, String> descriptions) {

    public ColumnOverride {
        descriptions = Collections.unmodifiableSortedMap(new TreeMap<>(descriptions));
    }

    static ColumnOverride read(YamlObject yaml) {
        yaml.allowOnly(Set.of("type", "descriptions"));
        return new ColumnOverride(yaml.string("type").orElse(null), yaml.stringMap("descriptions"));
    }

    Object toYaml() {
        return new YamlTree()
                .putOptional("type", type)
                .putOptional("descriptions", descriptions)
                .build();
    }
}
