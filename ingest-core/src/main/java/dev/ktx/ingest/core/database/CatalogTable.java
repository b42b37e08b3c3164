package dev.ktx.ingest.core.database;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A table or view of the catalog. Columns keep their ordinal order; foreign keys are sorted by constraint name.
 *
 * @param comment     the catalog comment ({@code COMMENT ON}), null when there is none
 * @param rowEstimate the planner's estimate ({@code pg_class.reltuples}), null for views and never-analyzed tables
 */
@JsonPropertyOrder({"schema", "name", "kind", "comment", "rowEstimate", "columns", "foreignKeys"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CatalogTable(
        String schema,
        String name,
        Kind kind,
        String comment,
        Long rowEstimate,
        List<CatalogColumn> columns,
        List<ForeignKey> foreignKeys) {

    public enum Kind {
        TABLE,
        PARTITIONED_TABLE,
        VIEW,
        MATERIALIZED_VIEW,
        FOREIGN_TABLE;

        @JsonValue
        public String wireValue() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public CatalogTable {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        columns = List.copyOf(columns);
        foreignKeys = foreignKeys.stream()
                .sorted(Comparator.comparing(ForeignKey::name))
                .toList();
    }

    /** {@code schema.name}, the key of a table in {@code enabled_tables} and in usage maps. */
    public String qualifiedName() {
        return schema + "." + name;
    }
}
