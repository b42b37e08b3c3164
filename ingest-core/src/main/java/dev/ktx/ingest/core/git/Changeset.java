package dev.ktx.ingest.core.git;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * File writes and deletions to apply on top of a session head. Sorted so that the same changes always
 * produce the same tree and commit order.
 */
public record Changeset(SortedMap<String, byte[]> writes, SortedSet<String> deletes) {

    public Changeset {
        writes = Collections.unmodifiableSortedMap(new TreeMap<>(writes));
        deletes = Collections.unmodifiableSortedSet(new TreeSet<>(deletes));
        for (String path : deletes) {
            if (writes.containsKey(path)) {
                throw new IllegalArgumentException("path both written and deleted: " + path);
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean isEmpty() {
        return writes.isEmpty() && deletes.isEmpty();
    }

    public static final class Builder {
        private final SortedMap<String, byte[]> writes = new TreeMap<>();
        private final SortedSet<String> deletes = new TreeSet<>();

        public Builder write(String path, byte[] content) {
            deletes.remove(path);
            writes.put(path, content.clone());
            return this;
        }

        public Builder write(String path, String content) {
            return write(path, content.getBytes(StandardCharsets.UTF_8));
        }

        public Builder writeAll(Map<String, byte[]> files) {
            files.forEach(this::write);
            return this;
        }

        public Builder delete(String path) {
            writes.remove(path);
            deletes.add(path);
            return this;
        }

        /** Every write and delete of {@code changes}, after those already added. */
        public Builder add(Changeset changes) {
            writeAll(changes.writes());
            changes.deletes().forEach(this::delete);
            return this;
        }

        public Changeset build() {
            return new Changeset(writes, deletes);
        }
    }
}
