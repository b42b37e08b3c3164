package dev.ktx.ingest.core.database;

/**
 * The raw snapshot {@code catalog.json}: the {@link DatabaseCatalog} as {@link SyncSnapshot#json} writes it, so the
 * same catalog always gives the same bytes.
 */
public final class CatalogJson {

    public static final String FILE_NAME = "catalog.json";

    private CatalogJson() {}

    public static byte[] write(DatabaseCatalog catalog) {
        return SyncSnapshot.json(catalog);
    }
}
