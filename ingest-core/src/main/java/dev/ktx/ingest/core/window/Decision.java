package dev.ktx.ingest.core.window;

import dev.ktx.ingest.core.gate.GateReport;
import java.time.Duration;
import java.util.Optional;

/** What the window decided for one session, before lock timings are known. */
record Decision(
        FinalizeOutcome.Status status,
        Optional<String> commitId,
        Optional<SessionFailure> failure,
        Optional<GateReport> missing) {

    static Decision of(FinalizeOutcome.Status status) {
        return new Decision(status, Optional.empty(), Optional.empty(), Optional.empty());
    }

    static Decision landed(FinalizeOutcome.Status status, String commitId) {
        return new Decision(status, Optional.of(commitId), Optional.empty(), Optional.empty());
    }

    static Decision failed(SessionFailure failure) {
        return new Decision(FinalizeOutcome.Status.FAILED, Optional.empty(), Optional.of(failure), Optional.empty());
    }

    static Decision parked(GateReport missing) {
        return new Decision(FinalizeOutcome.Status.PARKED, Optional.empty(), Optional.empty(), Optional.of(missing));
    }

    FinalizeOutcome outcome(Duration lockWait, Duration lockHold) {
        return new FinalizeOutcome(status, commitId, failure, missing, lockWait, lockHold);
    }
}
