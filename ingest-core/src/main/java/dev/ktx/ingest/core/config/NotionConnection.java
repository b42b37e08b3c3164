package dev.ktx.ingest.core.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A {@code driver: notion} source. At least one of {@code authToken} (live API) and {@code snapshotDir} is present.
 *
 * @param rootPageIds pages whose trees are ingested; empty = every page shared with the integration
 * @param snapshotDir resolved against the project directory; when present it is read instead of the live API
 */
public record NotionConnection(String id, Optional<SecretRef> authToken, List<String> rootPageIds,
                               Optional<Path> snapshotDir) implements ConnectionConfig {

    public NotionConnection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(authToken, "authToken");
        rootPageIds = List.copyOf(rootPageIds);
        Objects.requireNonNull(snapshotDir, "snapshotDir");
    }

    @Override
    public Driver driver() {
        return Driver.NOTION;
    }

    @Override
    public SortedSet<String> semanticLayerTargets() {
        return new TreeSet<>();
    }
}
