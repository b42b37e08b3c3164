package dev.ktx.ingest.core.source;

import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What an adapter fetched: the raw files of one sync (relative path → bytes) in the upstream API's own format.
 * {@code partial} says why a fetch is incomplete (e.g. a page limit was reached); only a complete fetch is
 * authoritative, and only then may stale artifacts be deleted.
 */
public record RawSnapshot(SortedMap<String, byte[]> files, Optional<String> partial) {

    public RawSnapshot {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
        Objects.requireNonNull(partial, "partial");
    }

    public static RawSnapshot complete(SortedMap<String, byte[]> files) {
        return new RawSnapshot(files, Optional.empty());
    }

    public static RawSnapshot partial(SortedMap<String, byte[]> files, String why) {
        return new RawSnapshot(files, Optional.of(why));
    }

    public boolean authoritative() {
        return partial.isEmpty();
    }
}
