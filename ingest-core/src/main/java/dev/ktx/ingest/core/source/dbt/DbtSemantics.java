package dev.ktx.ingest.core.source.dbt;

import dev.ktx.ingest.core.repo.Join;
import dev.ktx.ingest.core.repo.Measure;
import dev.ktx.ingest.core.repo.Segment;

import java.util.List;

/**
 * What MetricFlow defines on one model, in semantic-layer terms: measures (from the semantic model's measures and
 * simple metrics), segments (from metric filters) and joins (from entities). {@code unsupported} names what has no
 * SL equivalent (e.g. {@code metric revenue_growth: type derived}), so it is reported instead of dropped silently.
 */
record DbtSemantics(List<Measure> measures, List<Segment> segments, List<Join> joins, List<String> unsupported) {

    static final DbtSemantics NONE = new DbtSemantics(List.of(), List.of(), List.of(), List.of());

    DbtSemantics {
        measures = List.copyOf(measures);
        segments = List.copyOf(segments);
        joins = List.copyOf(joins);
        unsupported = List.copyOf(unsupported);
    }
}
