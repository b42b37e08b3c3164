package dev.ktx.ingest.core.repo;

import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads and writes SL source files. Fields are written in the order table, sql, grain, descriptions, columns,
 * column_overrides (sorted by column), exclude_columns, measures, segments, joins; empty ones are left out.
 */
public final class SlSourceCodec {

    private static final Set<String> FIELDS = Set.of(
            "table",
            "sql",
            "grain",
            "descriptions",
            "columns",
            "column_overrides",
            "exclude_columns",
            "measures",
            "segments",
            "joins");

    private SlSourceCodec() {}

    /** @throws ArtifactFormatException with the reason, e.g. {@code measures[0].agg is required} */
    public static SlSource parse(String text) {
        return read(Yamls.load(text));
    }

    /** Reads a loaded YAML document, e.g. one merged from two versions of the file; errors as {@link #parse}. */
    public static SlSource read(Object document) {
        YamlObject root = YamlObject.root(document);
        root.allowOnly(FIELDS);
        SortedMap<String, ColumnOverride> overrides = new TreeMap<>();
        root.objectsByName("column_overrides")
                .forEach((column, yaml) -> overrides.put(column, ColumnOverride.read(yaml)));
        return new SlSource(
                root.string("table").orElse(null),
                root.string("sql").orElse(null),
                root.strings("grain"),
                root.stringMap("descriptions"),
                root.objects("columns").stream().map(SlColumn::read).toList(),
                overrides,
                root.strings("exclude_columns"),
                root.objects("measures").stream().map(Measure::read).toList(),
                root.objects("segments").stream().map(Segment::read).toList(),
                root.objects("joins").stream().map(Join::read).toList());
    }

    public static String write(SlSource source) {
        return Yamls.dump(toYaml(source));
    }

    /** The document {@link #write} dumps: a fresh mapping of plain maps, lists and strings, empty fields left out. */
    public static Map<String, Object> toYaml(SlSource source) {
        SortedMap<String, Object> overrides = new TreeMap<>();
        source.columnOverrides().forEach((column, override) -> overrides.put(column, override.toYaml()));
        return new YamlTree()
                .putOptional("table", source.table())
                .putOptional("sql", source.sql())
                .putOptional("grain", source.grain())
                .putOptional("descriptions", source.descriptions())
                .putOptional(
                        "columns",
                        source.columns().stream().map(SlColumn::toYaml).toList())
                .putOptional("column_overrides", overrides)
                .putOptional("exclude_columns", source.excludeColumns())
                .putOptional(
                        "measures",
                        source.measures().stream().map(Measure::toYaml).toList())
                .putOptional(
                        "segments",
                        source.segments().stream().map(Segment::toYaml).toList())
                .putOptional("joins", source.joins().stream().map(Join::toYaml).toList())
                .build();
    }
}
