package dev.ktx.ingest.core.window;

import dev.ktx.ingest.core.git.ContextRepository;
import dev.ktx.ingest.core.git.RefreshResult;
import dev.ktx.ingest.core.git.Sentinel;
import dev.ktx.ingest.core.git.SessionId;
import dev.ktx.ingest.core.trace.TargetTracer;
import dev.ktx.ingest.core.trace.TraceEvents;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Merges a given {@code main} head into a session, traces the result and, on a conflict, leaves the
 * session where it was plus a sentinel. Shared by both refresh phases so they behave identically.
 */
public final class PhaseRefresh {

    private final ContextRepository repo;
    private final Clock clock;

    public PhaseRefresh(ContextRepository repo, Clock clock) {
        this.repo = repo;
        this.clock = clock;
    }

    /** Returns the refresh result, or the failure (sentinel already written) when it conflicted. */
    public Refreshed refresh(SessionId session, String mainHead, RefreshPhase phase, TargetTracer tracer) {
        long started = clock.millis();
        RefreshResult result = repo.refresh(session, mainHead);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("phase", phase.name());
        data.put("result", result.status().traceValue());
        data.put("mainHead", mainHead);
        data.put("sessionHead", result.sessionHead());
        if (result.isConflict()) {
            data.put("conflictPaths", result.conflictPaths());
        } else {
            data.put("mergedPaths", result.mergedPaths());
        }
        tracer.timed(phase.name(), TraceEvents.SESSION_REFRESHED_FROM_ROOT, clock.millis() - started, data);
        if (!result.isConflict()) {
            return new Refreshed(result, Optional.empty());
        }
        SessionFailure failure = SessionFailure.conflict(phase, result.conflicts());
        recordFailure(session, mainHead, failure, phase, tracer);
        return new Refreshed(result, Optional.of(failure));
    }

    /** Writes the sentinel and the root-cause trace entry of a failed session. */
    public void recordFailure(
            SessionId session, String baseSha, SessionFailure failure, RefreshPhase phase, TargetTracer tracer) {
        repo.writeSentinel(
                session,
                new Sentinel(failure.outcome(), clock.instant(), baseSha, failure.conflictPaths(), failure.error()));
        tracer.error(
                phase.name(),
                TraceEvents.SESSION_FAILED,
                Map.of("outcome", failure.outcome().name(), "sessionRef", session.sessionRef()),
                failure.error());
    }

    public record Refreshed(RefreshResult result, Optional<SessionFailure> failure) {}
}
