package dev.ktx.ingest.core.repo;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A manifest shard {@code semantic-layer/<conn>/_schema/<schema>.yaml}, written by database ingest:
 * {@code tables: {<name>: <entry>}}. Read and written by {@link ManifestCodec}.
 */
public record ManifestShard(SortedMap<String, ManifestEntry> tables) {

    public ManifestShard {
        tables = Collections.unmodifiableSortedMap(new TreeMap<>(tables));
    }
}
