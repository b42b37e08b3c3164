package dev.ktx.ingest.core.repo;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A measure: {@code agg} over one {@code column} of the source (checked against its columns), or over a free SQL
 * expression {@code sql}, or over all rows ({@code count} with neither). {@code column}/{@code sql} are {@code null}
 * when absent.
 */
public record Measure(String name, Aggregation agg, String column, String sql, SortedMap<String, String> descriptions) {

    public Measure {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(agg, "agg");
        descriptions = Collections.unmodifiableSortedMap(new TreeMap<>(descriptions));
    }

    static Measure read(YamlObject yaml) {
        yaml.allowOnly(Set.of("name", "agg", "column", "sql", "descriptions"));
        String agg = yaml.requiredString("agg");
        return new Measure(
                yaml.requiredString("name"),
                Aggregation.fromYaml(agg)
                        .orElseThrow(() -> new ArtifactFormatException(
                                "unknown agg " + agg + " (expected count, count_distinct, sum, avg, min or max)")),
                yaml.string("column").orElse(null),
                yaml.string("sql").orElse(null),
                yaml.stringMap("descriptions"));
    }

    Object toYaml() {
        return new YamlTree()
                .put("name", name)
                .put("agg", agg.yamlValue())
                .putOptional("column", column)
                .putOptional("sql", sql)
                .putOptional("descriptions", descriptions)
                .build();
    }
}
