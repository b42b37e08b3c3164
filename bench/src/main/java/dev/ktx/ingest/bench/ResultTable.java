package dev.ktx.ingest.bench;

import java.util.ArrayList;
import java.util.List;

/** The figures of one benchmark as a Markdown table (pasted into results.md as is). */
final class ResultTable {

    private final List<String[]> rows = new ArrayList<>();

    ResultTable(String... header) {
        rows.add(header);
    }

    ResultTable row(String... cells) {
        rows.add(cells);
        return this;
    }

    /** A row with the median and minimum of the timings. */
    ResultTable timings(String what, Timings timings) {
        return row(what, ms(timings.median()), ms(timings.min()));
    }

    static String ms(double millis) {
        return String.format("%.1f ms", millis);
    }

    static String ratio(double ratio) {
        return String.format("%.2f×", ratio);
    }

    void print() {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        rows.forEach(row -> {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], cell(row, i).length());
            }
        });
        for (int r = 0; r < rows.size(); r++) {
            System.out.println(line(rows.get(r), widths));
            if (r == 0) {
                String[] rule = new String[columns];
                for (int i = 0; i < columns; i++) {
                    rule[i] = "-".repeat(widths[i]);
                }
                System.out.println(line(rule, widths));
            }
        }
    }

    private static String line(String[] row, int[] widths) {
        StringBuilder text = new StringBuilder("|");
        for (int i = 0; i < widths.length; i++) {
            text.append(' ')
                    .append(String.format("%-" + widths[i] + "s", cell(row, i)))
                    .append(" |");
        }
        return text.toString();
    }

    private static String cell(String[] row, int i) {
        return i < row.length ? row[i] : "";
    }
}
