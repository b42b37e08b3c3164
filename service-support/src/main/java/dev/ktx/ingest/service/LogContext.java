package dev.ktx.ingest.service;

import org.jboss.logging.MDC;

/**
 * The run and target a thread works for, as MDC fields of every log line it writes meanwhile ({@code runId},
 * {@code connectionId}, {@code targetId} = {@code runId/connectionId}); JSON logs carry them as fields, so one
 * target's lines can be found across services.
 */
public final class LogContext implements AutoCloseable {

    private static final String RUN_ID = "runId";
    private static final String CONNECTION_ID = "connectionId";
    private static final String TARGET_ID = "targetId";

    private LogContext(String runId, String connectionId) {
        MDC.put(RUN_ID, runId);
        if (connectionId != null) {
            MDC.put(CONNECTION_ID, connectionId);
            MDC.put(TARGET_ID, runId + "/" + connectionId);
        }
    }

    /** @param connectionId null for what concerns the whole run */
    public static LogContext of(String runId, String connectionId) {
        return new LogContext(runId, connectionId);
    }

    @Override
    public void close() {
        MDC.remove(RUN_ID);
        MDC.remove(CONNECTION_ID);
        MDC.remove(TARGET_ID);
    }
}
