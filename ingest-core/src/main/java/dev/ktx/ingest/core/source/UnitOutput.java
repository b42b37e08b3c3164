package dev.ktx.ingest.core.source;

import dev.ktx.ingest.core.repo.ProvenanceRow;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one work unit produced: artifact files to write (wiki pages, SL files) and the provenance rows that
 * explain them, including {@code skipped}/{@code unmapped} rows for items that produced nothing.
 */
public record UnitOutput(SortedMap<String, byte[]> writes, List<ProvenanceRow> provenance) {

    public UnitOutput {
        writes = Collections.unmodifiableSortedMap(new TreeMap<>(writes));
        provenance = List.copyOf(provenance);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final SortedMap<String, byte[]> writes = new TreeMap<>();
        private final List<ProvenanceRow> provenance = new ArrayList<>();

        public Builder write(String path, String content) {
            writes.put(path, content.getBytes(StandardCharsets.UTF_8));
            return this;
        }

        public Builder provenance(ProvenanceRow row) {
            provenance.add(row);
            return this;
        }

        public UnitOutput build() {
            return new UnitOutput(writes, provenance);
        }
    }
}
