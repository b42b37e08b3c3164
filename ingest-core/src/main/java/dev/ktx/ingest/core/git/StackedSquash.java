package dev.ktx.ingest.core.git;

import dev.ktx.ingest.core.merge.MergeConflict;
import java.util.List;
import java.util.Optional;

/**
 * A squash commit written above a given parent without moving any ref, or what kept the session from merging with
 * that parent (then nothing was written).
 */
public record StackedSquash(Optional<String> commitId, List<MergeConflict> conflicts) {

    public StackedSquash {
        conflicts = List.copyOf(conflicts);
    }

    static StackedSquash of(String commitId) {
        return new StackedSquash(Optional.of(commitId), List.of());
    }

    static StackedSquash conflict(List<MergeConflict> conflicts) {
        return new StackedSquash(Optional.empty(), conflicts);
    }

    public boolean isConflict() {
        return commitId.isEmpty();
    }
}
