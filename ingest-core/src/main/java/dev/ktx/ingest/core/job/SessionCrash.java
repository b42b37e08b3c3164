package dev.ktx.ingest.core.job;

import dev.ktx.ingest.core.git.ContextRepository;
import dev.ktx.ingest.core.git.Sentinel;
import dev.ktx.ingest.core.git.SessionId;
import dev.ktx.ingest.core.trace.TargetTracer;
import dev.ktx.ingest.core.trace.TraceEvents;
import java.time.Clock;
import java.util.Map;

/**
 * How a failed session is left behind (docs/services.md, "Worker jobs"): its ref is kept, with a {@code crash}
 * sentinel naming the error, and {@code session_failed} is traced.
 */
public final class SessionCrash {

    private SessionCrash() {}

    /** @param phase where the session failed, named by the trace event */
    public static void record(
            ContextRepository repo,
            SessionId session,
            String baseSha,
            String error,
            TargetTracer tracer,
            String phase,
            Clock clock) {
        repo.writeSentinel(session, new Sentinel(Sentinel.Outcome.crash, clock.instant(), baseSha, null, error));
        tracer.error(
                phase,
                TraceEvents.SESSION_FAILED,
                Map.of("outcome", Sentinel.Outcome.crash.name(), "sessionRef", session.sessionRef()),
                error);
    }
}
