package dev.ktx.ingest.core.gate;

import dev.ktx.ingest.core.repo.ArtifactFormatException;
import java.util.Optional;
import java.util.function.Function;

/** An artifact read from a tree: its model, or why it could not be parsed. Exactly one of the two is set. */
record Parsed<T>(T value, String error) {

    static <T> Parsed<T> of(String text, Function<String, T> parser) {
        try {
            return new Parsed<>(parser.apply(text), null);
        } catch (ArtifactFormatException e) {
            return new Parsed<>(null, e.getMessage());
        }
    }

    Optional<T> valid() {
        return Optional.ofNullable(value);
    }
}
