package dev.ktx.ingest.core.repo;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** When an agent loads a wiki page: always, when relevant ({@code auto}), or never. */
public enum UsageMode {
    ALWAYS,
    AUTO,
    NEVER;

    public String yamlValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<UsageMode> fromYaml(String value) {
        return Arrays.stream(values())
                .filter(mode -> mode.yamlValue().equals(value))
                .findFirst();
    }
}
