package dev.ktx.ingest.connectors.dbt;

import java.util.List;
import java.util.Objects;

/**
 * A dbt model as documented: {@code name} is the relation it builds in the warehouse (the alias when the manifest
 * has one), {@code rawPath} the snapshot file it was read from, {@code semantics} what MetricFlow defines on it,
 * {@code usedBy} the exposures (dashboards, notebooks, …) that read it, one line each.
 */
record DbtModel(
        String name,
        String description,
        List<DbtColumn> columns,
        DbtSemantics semantics,
        List<String> usedBy,
        String rawPath) {

    DbtModel {
        columns = List.copyOf(columns);
        usedBy = List.copyOf(usedBy);
        Objects.requireNonNull(semantics, "semantics");
    }
}
