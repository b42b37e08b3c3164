package dev.ktx.ingest.core.repo;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A join from a source to source {@code to} (same connection) on the SQL condition {@code on}. {@code source} says
 * where the join was learned (e.g. {@code foreign_key}, {@code query_history}, {@code dbt}); {@code null} when unknown.
 */
public record Join(String to, String on, Relationship relationship, String source) {

    public enum Relationship {
        MANY_TO_ONE,
        ONE_TO_MANY,
        ONE_TO_ONE,
        MANY_TO_MANY;

        public String yamlValue() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Relationship> fromYaml(String value) {
            return Arrays.stream(values())
                    .filter(r -> r.yamlValue().equals(value))
                    .findFirst();
        }
    }

    public Join {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(on, "on");
        Objects.requireNonNull(relationship, "relationship");
    }

    static Join read(YamlObject yaml) {
        yaml.allowOnly(Set.of("to", "on", "relationship", "source"));
        String relationship = yaml.requiredString("relationship");
        return new Join(
                yaml.requiredString("to"),
                yaml.requiredString("on"),
                Relationship.fromYaml(relationship)
                        .orElseThrow(() -> new ArtifactFormatException("unknown relationship " + relationship
                                + " (expected many_to_one, one_to_many, one_to_one or many_to_many)")),
                yaml.string("source").orElse(null));
    }

    Object toYaml() {
        return new YamlTree()
                .put("to", to)
                .put("on", on)
                .put("relationship", relationship.yamlValue())
                .putOptional("source", source)
                .build();
    }
}
