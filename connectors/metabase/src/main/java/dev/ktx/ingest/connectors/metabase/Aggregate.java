package dev.ktx.ingest.connectors.metabase;

import dev.ktx.ingest.core.repo.Aggregation;
import dev.ktx.ingest.core.repo.Measure;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An aggregation a card computes over its main table: {@code count} of rows ({@code column} null) or an aggregation
 * of one column. Its measure name is derived from what it computes, not from the card, so cards that compute the same
 * thing share one measure.
 */
record Aggregate(Aggregation agg, String column) {

    /** {@code count}, {@code sum}, {@code avg}, {@code min} and {@code max}: named alike in MBQL and in SQL. */
    static final Map<String, Aggregation> PLAIN_FUNCTIONS = Map.of(
            "count",
            Aggregation.COUNT,
            "sum",
            Aggregation.SUM,
            "avg",
            Aggregation.AVG,
            "min",
            Aggregation.MIN,
            "max",
            Aggregation.MAX);

    /** {@code count_<table>} for a row count, else {@code <agg>_<column>} ({@code sum_mrr}, {@code count_distinct_plan}). */
    String measureName(String table) {
        String name = column == null ? "count_" + table : agg.yamlValue() + "_" + column;
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_");
    }

    Measure toMeasure(String table) {
        return new Measure(measureName(table), agg, column, null, new TreeMap<>());
    }
}
