package dev.ktx.ingest.core.source.dbt;

import java.util.List;
import java.util.Objects;

/**
 * A dbt model as documented: {@code name} is the relation it builds in the warehouse (the alias when the manifest
 * has one), {@code rawPath} the snapshot file it was read from, {@code semantics} what MetricFlow defines on it.
 */
record DbtModel(String name, String description, List<DbtColumn> columns, DbtSemantics semantics, String rawPath) {

    DbtModel {
        columns = List.copyOf(columns);
        Objects.requireNonNull(semantics, "semantics");
    }
}
