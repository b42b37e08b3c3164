package dev.ktx.ingest.core.database;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The raw snapshot {@code catalog.json}: the {@link DatabaseCatalog} as indented JSON with fixed field order, LF line
 * ends (not the platform's) and a final newline, so the same catalog always gives the same bytes.
 */
public final class CatalogJson {

    public static final String FILE_NAME = "catalog.json";

    private static final ObjectWriter WRITER = new ObjectMapper().writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private CatalogJson() {
    }

    public static byte[] write(DatabaseCatalog catalog) {
        try {
            return (WRITER.writeValueAsString(catalog) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
