package dev.ktx.ingest.connectors.notion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.nio.charset.StandardCharsets;

/**
 * Writes {@code blocks.json}, the one snapshot file a live fetch assembles rather than receives, the way {@code jq}
 * prints JSON (two-space indent, {@code "key": value}, {@code []} and {@code {}} when empty, a final newline): a
 * snapshot made with {@code curl | jq} (docs/connectors.md) and a live fetch of the same blocks stage the same bytes.
 */
final class BlocksJson {

    private static final DefaultIndenter INDENT = new DefaultIndenter("  ", "\n");
    private static final ObjectWriter WRITER = new ObjectMapper()
            .writer(new DefaultPrettyPrinter()
                    .withSeparators(Separators.createDefaultInstance()
                            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                            .withObjectEmptySeparator("")
                            .withArrayEmptySeparator(""))
                    .withObjectIndenter(INDENT)
                    .withArrayIndenter(INDENT));

    private BlocksJson() {}

    static byte[] write(JsonNode blocks) {
        try {
            return (WRITER.writeValueAsString(blocks) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }
}
