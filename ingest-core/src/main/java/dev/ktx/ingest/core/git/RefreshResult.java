package dev.ktx.ingest.core.git;

import java.util.List;

/**
 * Outcome of merging the latest {@code main} into a session. On a conflict nothing moved: the session
 * stays at {@code sessionHead} and {@code conflictPaths} lists the paths both sides changed.
 */
public record RefreshResult(Status status, String sessionHead, String mainHead, List<String> conflictPaths) {

    public enum Status {
        CHANGED, NOOP, CONFLICT;

        /** Value of {@code data.result} in the {@code session_refreshed_from_root} trace event. */
        public String traceValue() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public RefreshResult {
        conflictPaths = List.copyOf(conflictPaths);
    }

    public static RefreshResult changed(String sessionHead, String mainHead) {
        return new RefreshResult(Status.CHANGED, sessionHead, mainHead, List.of());
    }

    public static RefreshResult noop(String sessionHead, String mainHead) {
        return new RefreshResult(Status.NOOP, sessionHead, mainHead, List.of());
    }

    public static RefreshResult conflict(String sessionHead, String mainHead, List<String> paths) {
        return new RefreshResult(Status.CONFLICT, sessionHead, mainHead, paths);
    }

    public boolean isConflict() {
        return status == Status.CONFLICT;
    }

    public boolean changed() {
        return status == Status.CHANGED;
    }
}
