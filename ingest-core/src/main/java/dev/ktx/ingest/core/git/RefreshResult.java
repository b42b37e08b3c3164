package dev.ktx.ingest.core.git;

import dev.ktx.ingest.core.merge.MergeConflict;
import java.util.List;

/**
 * Outcome of merging the latest {@code main} into a session. {@code mergedPaths}: the files whose content was
 * merged from both sides (by meaning, or line-wise for files of no known kind). On a conflict nothing moved: the
 * session stays at {@code sessionHead} and {@code conflicts} says what both sides changed, down to key paths.
 */
public record RefreshResult(
        Status status, String sessionHead, String mainHead, List<String> mergedPaths, List<MergeConflict> conflicts) {

    public enum Status {
        CHANGED,
        NOOP,
        CONFLICT;

        /** Value of {@code data.result} in the {@code session_refreshed_from_root} trace event. */
        public String traceValue() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public RefreshResult {
        mergedPaths = List.copyOf(mergedPaths);
        conflicts = List.copyOf(conflicts);
    }

    public static RefreshResult changed(String sessionHead, String mainHead, List<String> mergedPaths) {
        return new RefreshResult(Status.CHANGED, sessionHead, mainHead, mergedPaths, List.of());
    }

    public static RefreshResult noop(String sessionHead, String mainHead) {
        return new RefreshResult(Status.NOOP, sessionHead, mainHead, List.of(), List.of());
    }

    public static RefreshResult conflict(String sessionHead, String mainHead, List<MergeConflict> conflicts) {
        return new RefreshResult(Status.CONFLICT, sessionHead, mainHead, List.of(), conflicts);
    }

    /** The conflicting files, each once, in order: what the sentinel records. */
    public List<String> conflictPaths() {
        return MergeConflict.paths(conflicts);
    }

    public boolean isConflict() {
        return status == Status.CONFLICT;
    }

    public boolean changed() {
        return status == Status.CHANGED;
    }
}
