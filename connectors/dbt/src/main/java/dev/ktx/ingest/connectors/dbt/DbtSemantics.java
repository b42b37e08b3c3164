package dev.ktx.ingest.connectors.dbt;

import dev.ktx.ingest.core.repo.Join;
import dev.ktx.ingest.core.repo.Measure;
import dev.ktx.ingest.core.repo.Segment;
import java.util.Comparator;
import java.util.List;

/**
 * What MetricFlow defines on one model, in semantic-layer terms: measures (from the semantic model's measures and
 * simple metrics), segments (from metric filters) and joins (from entities). {@code unsupported} names what has no
 * SL equivalent (e.g. {@code metric revenue_growth: type derived}), so it is reported instead of dropped silently.
 */
record DbtSemantics(List<Measure> measures, List<Segment> segments, List<Join> joins, List<String> unsupported) {

    static final DbtSemantics NONE = new DbtSemantics(List.of(), List.of(), List.of(), List.of());

    /** Measures and segments sorted by name, joins by target and condition: the overlay is the same for any order. */
    DbtSemantics {
        measures = measures.stream().sorted(Comparator.comparing(Measure::name)).toList();
        segments = segments.stream().sorted(Comparator.comparing(Segment::name)).toList();
        joins = joins.stream()
                .sorted(Comparator.comparing(Join::to).thenComparing(Join::on))
                .toList();
        unsupported = List.copyOf(unsupported);
    }
}
