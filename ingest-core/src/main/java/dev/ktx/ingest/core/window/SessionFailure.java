package dev.ktx.ingest.core.window;

import dev.ktx.ingest.core.git.Sentinel;
import dev.ktx.ingest.core.merge.MergeConflict;
import java.util.List;
import java.util.stream.Collectors;

/** Why a session did not land: the sentinel outcome, the error text users see, and conflicting paths. */
public record SessionFailure(Sentinel.Outcome outcome, String error, List<String> conflictPaths) {

    public SessionFailure {
        conflictPaths = List.copyOf(conflictPaths);
    }

    /** {@code source refresh conflict before <phase>: <path>: <key path> <reason>, ...}; the sentinel gets the paths. */
    static SessionFailure conflict(RefreshPhase phase, List<MergeConflict> conflicts) {
        String described = conflicts.stream().map(MergeConflict::description).collect(Collectors.joining(", "));
        return new SessionFailure(
                Sentinel.Outcome.conflict,
                "source refresh conflict before " + phase + ": " + described,
                MergeConflict.paths(conflicts));
    }

    static SessionFailure gateFailed(String message) {
        return new SessionFailure(Sentinel.Outcome.gate_failed, message, List.of());
    }

    static SessionFailure crash(String error) {
        return new SessionFailure(Sentinel.Outcome.crash, error, List.of());
    }
}
