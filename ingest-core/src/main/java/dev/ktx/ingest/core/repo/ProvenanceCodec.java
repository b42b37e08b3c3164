package dev.ktx.ingest.core.repo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes provenance JSONL: one {@link ProvenanceRow} per line, fields in a fixed order, LF after each. */
public final class ProvenanceCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ProvenanceCodec() {}

    public static String write(List<ProvenanceRow> rows) {
        StringBuilder out = new StringBuilder();
        for (ProvenanceRow row : rows) {
            try {
                out.append(MAPPER.writeValueAsString(row)).append('\n');
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot serialize provenance row " + row, e);
            }
        }
        return out.toString();
    }

    /** Blank lines are skipped. @throws ArtifactFormatException {@code line <n>: <why>} */
    public static List<ProvenanceRow> parse(String text) {
        List<ProvenanceRow> rows = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                rows.add(parseLine(lines.get(i), i + 1));
            }
        }
        return rows;
    }

    private static ProvenanceRow parseLine(String line, int number) {
        try {
            return MAPPER.readValue(line, ProvenanceRow.class);
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause() instanceof ArtifactFormatException format ? format : e;
            String why = cause == e ? e.getOriginalMessage() : cause.getMessage();
            throw new ArtifactFormatException(
                    "line " + number + ": " + why.lines().findFirst().orElse(why));
        }
    }
}
