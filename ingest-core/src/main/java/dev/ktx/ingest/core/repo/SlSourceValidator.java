package dev.ktx.ingest.core.repo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Checks an SL file against the manifest entry of the same name. Returns every reason it is inconsistent, in a
 * fixed order; the gate reports each as {@code semantic-layer validation failed for <conn>:<source>: <reason>}.
 */
public final class SlSourceValidator {

    private SlSourceValidator() {}

    public static List<String> validate(SlSource source, Optional<ManifestEntry> manifestEntry) {
        List<String> reasons = new ArrayList<>();
        if (source.isStandalone()) {
            validateStandalone(source, manifestEntry, reasons);
        } else if (manifestEntry.isEmpty()) {
            // Without the manifest the overlay's columns are unknown; any further reason would be noise.
            return List.of("overlay has no manifest entry");
        } else {
            validateOverlay(source, manifestEntry.get(), reasons);
        }
        Set<String> columns = new SourceDefinition(Optional.of(source), manifestEntry).columnNames();
        duplicates("column", source.columns().stream().map(SlColumn::name), reasons);
        duplicates("measure", source.measures().stream().map(Measure::name), reasons);
        duplicates("segment", source.segments().stream().map(Segment::name), reasons);
        for (Measure measure : source.measures()) {
            validateMeasure(measure, columns, reasons);
        }
        for (Segment segment : source.segments()) {
            unknown("segment " + segment.name(), segment.columns(), columns, reasons);
        }
        return reasons;
    }

    private static void validateStandalone(
            SlSource source, Optional<ManifestEntry> manifestEntry, List<String> reasons) {
        if (manifestEntry.isPresent()) {
            reasons.add("standalone source shadows a manifest entry");
        }
        if (source.table() != null && source.sql() != null) {
            reasons.add("standalone source has both table and sql");
        } else if (source.table() == null && source.sql() == null) {
            reasons.add("standalone source has neither table nor sql");
        }
        if (source.grain().isEmpty()) {
            reasons.add("standalone source has no grain");
        }
        if (source.columns().isEmpty()) {
            reasons.add("standalone source has no columns");
        }
        if (!source.columnOverrides().isEmpty()) {
            reasons.add("standalone source cannot have column_overrides");
        }
        if (!source.excludeColumns().isEmpty()) {
            reasons.add("standalone source cannot have exclude_columns");
        }
        Set<String> columns = new HashSet<>();
        source.columns().forEach(column -> columns.add(column.name()));
        unknown("grain", source.grain(), columns, reasons);
    }

    private static void validateOverlay(SlSource overlay, ManifestEntry entry, List<String> reasons) {
        Set<String> manifestColumns = entry.columnNames();
        unknown("exclude_columns", overlay.excludeColumns(), manifestColumns, reasons);
        Set<String> kept = new HashSet<>(manifestColumns);
        overlay.excludeColumns().forEach(kept::remove);
        unknown("column_overrides", overlay.columnOverrides().keySet(), kept, reasons);
        for (SlColumn column : overlay.columns()) {
            if (kept.contains(column.name())) {
                reasons.add("computed column " + column.name() + " shadows a manifest column");
            }
            if (column.sql() == null || column.sql().isBlank()) {
                reasons.add("computed column " + column.name() + " has no sql");
            }
        }
    }

    private static void validateMeasure(Measure measure, Set<String> columns, List<String> reasons) {
        String subject = "measure " + measure.name();
        if (measure.column() != null && measure.sql() != null) {
            reasons.add(subject + " has both column and sql");
        } else if (measure.column() == null && measure.sql() == null && measure.agg() != Aggregation.COUNT) {
            reasons.add(subject + " needs a column or sql");
        }
        if (measure.column() != null) {
            unknown(subject, List.of(measure.column()), columns, reasons);
        }
    }

    private static void unknown(String subject, Iterable<String> referenced, Set<String> known, List<String> reasons) {
        for (String column : referenced) {
            if (!known.contains(column)) {
                reasons.add(subject + " refers to unknown column " + column);
            }
        }
    }

    private static void duplicates(String kind, Stream<String> names, List<String> reasons) {
        Set<String> seen = new HashSet<>();
        names.filter(name -> !seen.add(name)).distinct().forEach(name -> reasons.add("duplicate " + kind + " " + name));
    }
}
