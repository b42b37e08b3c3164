package dev.ktx.ingest.connectors.dbt;

import dev.ktx.ingest.core.repo.ColumnOverride;
import dev.ktx.ingest.core.repo.Join;
import dev.ktx.ingest.core.repo.ManifestEntry;
import dev.ktx.ingest.core.repo.Measure;
import dev.ktx.ingest.core.repo.ProvenanceRow;
import dev.ktx.ingest.core.repo.RepoPaths;
import dev.ktx.ingest.core.repo.RepoTree;
import dev.ktx.ingest.core.repo.Segment;
import dev.ktx.ingest.core.repo.SlSource;
import dev.ktx.ingest.core.repo.SlSourceCodec;
import dev.ktx.ingest.core.source.ArtifactKeys;
import dev.ktx.ingest.core.source.Manifests;
import dev.ktx.ingest.core.source.StagedSnapshot;
import dev.ktx.ingest.core.source.UnitOutput;
import dev.ktx.ingest.core.source.WorkUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Overlays {@code semantic-layer/<target>/<model>.yaml} for the models that are manifest-backed sources of the
 * target connection: the model description, per warehouse column its description and tests, and MetricFlow's
 * measures, segments and joins on the model ({@link SemanticModelsReader}). A model with no
 * manifest entry gets no overlay (the missing-schema hard stop), only an {@code unmapped} row; documented columns
 * the warehouse table does not have are left out, since an override on an unknown column fails the final gates.
 */
final class ModelOverlaysUnit implements WorkUnit {

    static final String ID = "models";
    /** Origin of the model and column descriptions in an overlay. */
    static final String ORIGIN = "dbt";
    /**
     * Origin under which a column's tests are listed: {@link ColumnOverride} has no place for constraints yet, and
     * the descriptions map is where agents already read what is known about a column.
     */
    static final String TESTS_ORIGIN = "dbt_tests";
    /** Origin of the lines naming the exposures that read a model ({@link ExposureLines}). */
    static final String EXPOSURES_ORIGIN = "dbt_exposures";

    static final String NO_DOCUMENTATION = "no_documentation";

    private static final SlSource EMPTY = SlSource.empty();

    private final List<DbtModel> models;
    private final String targetConnection;

    ModelOverlaysUnit(List<DbtModel> models, String targetConnection) {
        this.models = List.copyOf(models);
        this.targetConnection = targetConnection;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public UnitOutput run(StagedSnapshot snapshot, RepoTree base) {
        SortedMap<String, ManifestEntry> manifest = Manifests.entries(base, targetConnection);
        UnitOutput.Builder output = UnitOutput.builder();
        for (DbtModel model : models) {
            String key = ArtifactKeys.sl(targetConnection, model.name());
            ManifestEntry entry = manifest.get(model.name());
            if (entry == null) {
                output.provenance(
                        row(snapshot, model, key, ProvenanceRow.Action.UNMAPPED, ProvenanceRow.MISSING_TARGET_TABLE));
                continue;
            }
            List<String> dropped = new ArrayList<>(model.semantics().unsupported());
            SlSource overlay = overlay(model, entry, manifest.keySet(), dropped);
            dropped.forEach(why -> output.provenance(row(snapshot, model, key, ProvenanceRow.Action.SKIPPED, why)));
            if (overlay.equals(EMPTY)) {
                output.provenance(row(snapshot, model, key, ProvenanceRow.Action.SKIPPED, NO_DOCUMENTATION));
                continue;
            }
            output.write(RepoPaths.slSource(targetConnection, model.name()), SlSourceCodec.write(overlay));
            output.provenance(row(snapshot, model, key, ProvenanceRow.Action.SOURCE_CREATED, null));
        }
        return output.build();
    }

    /**
     * Semantic-layer additions the final gates would refuse are left out and named in {@code dropped}: a measure or
     * segment on a column the warehouse table does not have, a join to a table that is not manifest-backed.
     */
    private static SlSource overlay(DbtModel model, ManifestEntry entry, Set<String> backed, List<String> dropped) {
        SortedMap<String, ColumnOverride> overrides = new TreeMap<>();
        for (DbtColumn column : model.columns()) {
            SortedMap<String, String> descriptions = new TreeMap<>();
            putIfPresent(descriptions, ORIGIN, column.description());
            putIfPresent(
                    descriptions,
                    TESTS_ORIGIN,
                    String.join(
                            "; ",
                            new TreeSet<>(column.tests().stream()
                                    .map(DbtTest::describe)
                                    .toList())));
            if (entry.columnNames().contains(column.name()) && !descriptions.isEmpty()) {
                overrides.put(column.name(), new ColumnOverride(null, descriptions));
            }
        }
        SortedMap<String, String> descriptions = new TreeMap<>();
        putIfPresent(descriptions, ORIGIN, model.description());
        putIfPresent(descriptions, EXPOSURES_ORIGIN, String.join("\n", model.usedBy()));
        DbtSemantics semantics = model.semantics();
        List<Measure> measures = kept(
                semantics.measures(),
                measure -> measure.column() == null || entry.columnNames().contains(measure.column()),
                measure -> "measure " + measure.name() + ": unknown column " + measure.column(),
                dropped);
        List<Segment> segments = kept(
                semantics.segments(),
                segment -> entry.columnNames().containsAll(segment.columns()),
                segment -> "segment " + segment.name() + ": unknown column",
                dropped);
        List<Join> joins = kept(
                semantics.joins(),
                join -> backed.contains(join.to()),
                join -> "join to " + join.to() + ": " + ProvenanceRow.MISSING_TARGET_TABLE,
                dropped);
        return new SlSource(
                null, null, List.of(), descriptions, List.of(), overrides, List.of(), measures, segments, joins);
    }

    private static <T> List<T> kept(List<T> items, Predicate<T> valid, Function<T, String> why, List<String> dropped) {
        items.stream().filter(valid.negate()).map(why).forEach(dropped::add);
        return items.stream().filter(valid).toList();
    }

    private static void putIfPresent(Map<String, String> descriptions, String origin, String text) {
        if (!text.isBlank()) {
            descriptions.put(origin, text);
        }
    }

    private static ProvenanceRow row(
            StagedSnapshot snapshot, DbtModel model, String key, ProvenanceRow.Action action, String reason) {
        return new ProvenanceRow(
                model.rawPath(), snapshot.sha256(model.rawPath()), ProvenanceRow.ArtifactKind.SL, key, action, reason);
    }
}
