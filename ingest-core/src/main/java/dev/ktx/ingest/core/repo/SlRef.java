package dev.ktx.ingest.core.repo;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reference from a wiki page to a semantic-layer source, optionally narrowed to a connection and to one entity
 * (column, measure or segment): {@code source}, {@code source.entity}, {@code conn/source}, {@code conn/source.entity}.
 * {@code connection} and {@code entity} are {@code null} when not given.
 */
public record SlRef(String connection, String source, String entity) {

    private static final Pattern FORM = Pattern.compile("(?:([^/.\\s`]+)/)?([^/.\\s`]+)(?:\\.([^/.\\s`]+))?");

    public SlRef {
        Objects.requireNonNull(source, "source");
    }

    public static Optional<SlRef> parse(String text) {
        Matcher matcher = FORM.matcher(text);
        return matcher.matches()
                ? Optional.of(new SlRef(matcher.group(1), matcher.group(2), matcher.group(3)))
                : Optional.empty();
    }

    /** The reference as written in {@code sl_refs}. */
    @Override
    public String toString() {
        return (connection == null ? "" : connection + "/") + source + (entity == null ? "" : "." + entity);
    }
}
