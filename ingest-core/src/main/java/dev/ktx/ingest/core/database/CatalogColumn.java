package dev.ktx.ingest.core.database;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * A column as PostgreSQL shows it: {@code type} is {@code format_type()} ({@code bigint}, {@code numeric(12,2)},
 * {@code timestamp with time zone}); {@code comment} is null when there is none.
 */
@JsonPropertyOrder({"name", "type", "nullable", "primaryKey", "comment"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CatalogColumn(String name, String type, boolean nullable, boolean primaryKey, String comment) {

    public CatalogColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
