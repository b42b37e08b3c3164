package dev.ktx.ingest.core.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A {@code driver: metabase} source. At least one of {@code apiKey} (live API) and {@code snapshotDir} is present.
 *
 * @param snapshotDir      resolved against the project directory; when present it is read instead of the live API
 * @param databaseMappings Metabase database id (digits) → id of a database connection of this ktx.yaml
 */
public record MetabaseConnection(
        String id,
        URI apiUrl,
        Optional<SecretRef> apiKey,
        Optional<Path> snapshotDir,
        SortedMap<String, String> databaseMappings)
        implements ConnectionConfig {

    public MetabaseConnection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(snapshotDir, "snapshotDir");
        databaseMappings = Collections.unmodifiableSortedMap(new TreeMap<>(databaseMappings));
    }

    @Override
    public Driver driver() {
        return Driver.METABASE;
    }

    @Override
    public SortedSet<String> semanticLayerTargets() {
        return new TreeSet<>(databaseMappings.values());
    }
}
