package dev.ktx.ingest.core.text;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** A plain-text table for the CLI: columns two blanks apart. */
public final class TextTable {

    private static final String COLUMN_GAP = "  ";

    private TextTable() {}

    /** Every column but the last padded to its widest cell, so columns line up without trailing blanks. */
    public static String render(List<String> header, List<List<String>> rows) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(header);
        lines.addAll(rows);
        int[] widths = IntStream.range(0, header.size())
                .map(column -> lines.stream()
                        .mapToInt(line -> line.get(column).length())
                        .max()
                        .orElseThrow())
                .toArray();
        StringBuilder out = new StringBuilder();
        for (List<String> line : lines) {
            for (int column = 0; column < line.size() - 1; column++) {
                out.append(line.get(column))
                        .append(" ".repeat(widths[column] - line.get(column).length()))
                        .append(COLUMN_GAP);
            }
            out.append(line.get(line.size() - 1)).append('\n');
        }
        return out.toString();
    }
}
