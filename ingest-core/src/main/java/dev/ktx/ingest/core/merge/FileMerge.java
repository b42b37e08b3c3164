package dev.ktx.ingest.core.merge;

import java.util.List;

/** The outcome of merging one file that both sides changed: its merged content, or why it cannot be merged. */
sealed interface FileMerge {

    /** Content written canonically by the artifact's own writer, so it does not depend on which side was which. */
    record Merged(byte[] content) implements FileMerge {}

    record Conflicted(List<MergeConflict> conflicts) implements FileMerge {

        public Conflicted {
            conflicts = List.copyOf(conflicts);
        }
    }

    static FileMerge conflict(String path, String reason) {
        return new Conflicted(List.of(MergeConflict.ofFile(path, reason)));
    }
}
