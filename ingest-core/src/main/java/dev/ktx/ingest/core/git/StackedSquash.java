package dev.ktx.ingest.core.git;

import java.util.List;
import java.util.Optional;

/**
 * A squash commit written above a given parent without moving any ref, or the paths that kept the session from
 * merging with that parent (then nothing was written).
 */
public record StackedSquash(Optional<String> commitId, List<String> conflictPaths) {

    public StackedSquash {
        conflictPaths = List.copyOf(conflictPaths);
    }

    static StackedSquash of(String commitId) {
        return new StackedSquash(Optional.of(commitId), List.of());
    }

    static StackedSquash conflict(List<String> paths) {
        return new StackedSquash(Optional.empty(), paths);
    }

    public boolean isConflict() {
        return commitId.isEmpty();
    }
}
