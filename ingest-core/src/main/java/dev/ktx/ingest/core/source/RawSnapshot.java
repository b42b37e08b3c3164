package dev.ktx.ingest.core.source;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What an adapter fetched: the raw files of one sync (relative path → bytes) in the upstream API's own format.
 * {@code authoritative} is true only for a complete fetch; only then may stale artifacts be deleted.
 */
public record RawSnapshot(SortedMap<String, byte[]> files, boolean authoritative) {

    public RawSnapshot {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }
}
