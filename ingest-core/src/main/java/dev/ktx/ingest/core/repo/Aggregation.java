package dev.ktx.ingest.core.repo;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The aggregation of a measure. */
public enum Aggregation {
    COUNT,
    COUNT_DISTINCT,
    SUM,
    AVG,
    MIN,
    MAX;

    public String yamlValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Aggregation> fromYaml(String value) {
        return Arrays.stream(values()).filter(a -> a.yamlValue().equals(value)).findFirst();
    }
}
