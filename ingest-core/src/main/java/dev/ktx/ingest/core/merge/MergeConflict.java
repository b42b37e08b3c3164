package dev.ktx.ingest.core.merge;

import java.util.List;
import java.util.Objects;

/**
 * Something both sides of a three-way merge changed in incompatible ways: a file, or one key path inside it
 * ({@code measures[count_orders]}, {@code descriptions.dbt}, {@code summary}); {@code keyPath} is empty when the
 * whole file is meant.
 */
public record MergeConflict(String path, String keyPath, String reason) {

    public MergeConflict {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(keyPath, "keyPath");
        Objects.requireNonNull(reason, "reason");
    }

    static MergeConflict ofFile(String path, String reason) {
        return new MergeConflict(path, "", reason);
    }

    /** The distinct files of {@code conflicts}, in their order. */
    public static List<String> paths(List<MergeConflict> conflicts) {
        return conflicts.stream().map(MergeConflict::path).distinct().toList();
    }

    /** {@code <path>: <keyPath> <reason>}, or {@code <path>: <reason>} for the whole file. */
    public String description() {
        return path + ": " + (keyPath.isEmpty() ? "" : keyPath + " ") + reason;
    }
}
