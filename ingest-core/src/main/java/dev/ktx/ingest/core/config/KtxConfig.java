package dev.ktx.ingest.core.config;

import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** A validated ktx.yaml. Build it with {@link KtxConfigLoader}. */
public record KtxConfig(SortedMap<String, ConnectionConfig> connections, IngestSettings ingest) {

    public KtxConfig {
        connections = Collections.unmodifiableSortedMap(new TreeMap<>(connections));
        Objects.requireNonNull(ingest, "ingest");
    }

    public Optional<ConnectionConfig> connection(String id) {
        return Optional.ofNullable(connections.get(id));
    }
}
