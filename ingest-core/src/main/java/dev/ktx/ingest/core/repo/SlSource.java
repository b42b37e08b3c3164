package dev.ktx.ingest.core.repo;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The content of an SL source file {@code semantic-layer/<conn>/<name>.yaml}; the name is the file name.
 * <ul>
 *   <li>A <b>standalone</b> source declares {@code table} ({@code db.schema.name}) or {@code sql}, a {@code grain}
 *       (the columns that identify a row) and its {@code columns}.</li>
 *   <li>An <b>overlay</b> declares none of {@code table}, {@code sql}, {@code grain}; it adds to the manifest entry of
 *       the same name: {@code descriptions}, {@code column_overrides}, computed {@code columns}, {@code measures},
 *       {@code segments}, {@code joins}, {@code exclude_columns}.</li>
 * </ul>
 * {@code descriptions} map an origin (e.g. {@code dbt}, {@code metabase}) to text. {@code table}/{@code sql} are
 * {@code null} when absent. Whether the content is consistent is {@link SlSourceValidator}'s job.
 */
public record SlSource(
        String table,
        String sql,
        List<String> grain,
        SortedMap<String, String> descriptions,
        List<SlColumn> columns,
        SortedMap<String, ColumnOverride> columnOverrides,
        List<String> excludeColumns,
        List<Measure> measures,
        List<Segment> segments,
        List<Join> joins) {

    public SlSource {
        grain = List.copyOf(grain);
        descriptions = Collections.unmodifiableSortedMap(new TreeMap<>(descriptions));
        columns = List.copyOf(columns);
        columnOverrides = Collections.unmodifiableSortedMap(new TreeMap<>(columnOverrides));
        excludeColumns = List.copyOf(excludeColumns);
        measures = List.copyOf(measures);
        segments = List.copyOf(segments);
        joins = List.copyOf(joins);
    }

    /** An overlay that says nothing yet: what a connector starts from when the file does not exist. */
    public static SlSource empty() {
        return new SlSource(
                null,
                null,
                List.of(),
                new TreeMap<>(),
                List.of(),
                new TreeMap<>(),
                List.of(),
                List.of(),
                List.of(),
                List.of());
    }

    public boolean isStandalone() {
        return table != null || sql != null || !grain.isEmpty();
    }
}
