package dev.ktx.ingest.core.window;

import dev.ktx.ingest.core.git.Sentinel;

import java.util.List;

/** Why a session did not land: the sentinel outcome, the error text users see, and conflicting paths. */
public record SessionFailure(Sentinel.Outcome outcome, String error, List<String> conflictPaths) {

    public SessionFailure {
        conflictPaths = List.copyOf(conflictPaths);
    }

    static SessionFailure conflict(RefreshPhase phase, List<String> paths) {
        return new SessionFailure(Sentinel.Outcome.conflict,
                "source refresh conflict before " + phase + ": " + String.join(", ", paths), paths);
    }

    static SessionFailure gateFailed(String message) {
        return new SessionFailure(Sentinel.Outcome.gate_failed, message, List.of());
    }

    static SessionFailure crash(String error) {
        return new SessionFailure(Sentinel.Outcome.crash, error, List.of());
    }
}
