package dev.ktx.ingest.connectors.metabase;

import dev.ktx.ingest.connectors.metabase.CardResolution.Mapped;
import dev.ktx.ingest.core.repo.Measure;
import dev.ktx.ingest.core.repo.ProvenanceRow;
import dev.ktx.ingest.core.repo.ProvenanceRow.Action;
import dev.ktx.ingest.core.repo.ProvenanceRow.ArtifactKind;
import dev.ktx.ingest.core.repo.RepoPaths;
import dev.ktx.ingest.core.repo.RepoTree;
import dev.ktx.ingest.core.repo.SlSource;
import dev.ktx.ingest.core.repo.SlSourceCodec;
import dev.ktx.ingest.core.source.StagedSnapshot;
import dev.ktx.ingest.core.source.UnitOutput;
import dev.ktx.ingest.core.source.WorkUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The overlays of all mapped cards, one per table across collections (so no two units write one file): the measures
 * of the cards in card-id order, merged into the overlay already in the base tree. A measure already there keeps its
 * definition and gets the {@code metabase} description naming the cards that use it.
 */
final class OverlayUnit implements WorkUnit {

    static final String ID = "semantic-layer";
    private static final String DESCRIPTION_ORIGIN = "metabase";

    private final List<PlannedCard> cards;

    /** @param cards cards sorted by id; only unarchived {@link Mapped} ones contribute */
    OverlayUnit(List<PlannedCard> cards) {
        this.cards = List.copyOf(cards);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public UnitOutput run(StagedSnapshot snapshot, RepoTree base) {
        SortedMap<String, List<PlannedCard>> cardsByOverlay = new TreeMap<>();
        for (PlannedCard planned : cards) {
            if (!planned.card().archived()
                    && planned.resolution() instanceof Mapped mapped
                    && !mapped.measures().isEmpty()) {
                cardsByOverlay
                        .computeIfAbsent(
                                RepoPaths.slSource(mapped.connection(), mapped.source()), path -> new ArrayList<>())
                        .add(planned);
            }
        }
        UnitOutput.Builder output = UnitOutput.builder();
        cardsByOverlay.forEach((path, overlayCards) -> {
            output.write(path, SlSourceCodec.write(merge(base, path, overlayCards)));
            for (PlannedCard planned : overlayCards) {
                Mapped mapped = (Mapped) planned.resolution();
                String rawPath = planned.card().file();
                output.provenance(new ProvenanceRow(
                        rawPath,
                        snapshot.sha256(rawPath),
                        ArtifactKind.SL,
                        mapped.connection() + "/" + mapped.source(),
                        Action.MEASURE_ADDED,
                        null));
            }
        });
        return output.build();
    }

    private static SlSource merge(RepoTree base, String path, List<PlannedCard> overlayCards) {
        Map<String, Measure> added = new LinkedHashMap<>();
        Map<String, List<String>> usedBy = new LinkedHashMap<>();
        for (PlannedCard planned : overlayCards) {
            for (Measure measure : ((Mapped) planned.resolution()).measures()) {
                added.putIfAbsent(measure.name(), measure);
                usedBy.computeIfAbsent(measure.name(), name -> new ArrayList<>())
                        .add(planned.card().name() + " (#" + planned.card().id() + ")");
            }
        }
        // The resolver only maps a card when any existing file here is a readable overlay.
        SlSource existing = base.readText(path).map(SlSourceCodec::parse).orElseGet(SlSource::empty);
        List<Measure> measures = new ArrayList<>();
        for (Measure measure : existing.measures()) {
            Measure ours = added.remove(measure.name());
            measures.add(ours == null ? measure : described(measure, usedBy.get(measure.name())));
        }
        added.values().forEach(measure -> measures.add(described(measure, usedBy.get(measure.name()))));
        return new SlSource(
                existing.table(),
                existing.sql(),
                existing.grain(),
                existing.descriptions(),
                existing.columns(),
                existing.columnOverrides(),
                existing.excludeColumns(),
                measures,
                existing.segments(),
                existing.joins());
    }

    private static Measure described(Measure measure, List<String> cards) {
        SortedMap<String, String> descriptions = new TreeMap<>(measure.descriptions());
        descriptions.put(DESCRIPTION_ORIGIN, "Used by Metabase cards: " + String.join(", ", cards));
        return new Measure(measure.name(), measure.agg(), measure.column(), measure.sql(), descriptions);
    }
}
