package dev.ktx.ingest.core.database;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What {@link PostgresIntrospector} read from one database: its name and its tables and views, sorted by schema then
 * name. Serialized as the raw snapshot {@code catalog.json} by {@link CatalogJson}.
 */
@JsonPropertyOrder({"database", "tables"})
public record DatabaseCatalog(String database, List<CatalogTable> tables) {

    private static final Comparator<CatalogTable> ORDER =
            Comparator.comparing(CatalogTable::schema).thenComparing(CatalogTable::name);

    public DatabaseCatalog {
        Objects.requireNonNull(database, "database");
        tables = tables.stream().sorted(ORDER).toList();
    }
}
