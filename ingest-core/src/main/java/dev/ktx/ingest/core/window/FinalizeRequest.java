package dev.ktx.ingest.core.window;

import dev.ktx.ingest.core.git.SessionId;

import java.util.Objects;
import java.util.Set;

/**
 * Finalize one session of one project.
 *
 * @param allowedSlConnections connections whose semantic layer this session may write
 * @param subject              first line of the squash commit
 * @param mayDefer             whether a session failing only on references to missing pages or sources may be
 *                             deferred (no sentinel) while other sessions of its run are still open
 */
public record FinalizeRequest(String projectId, SessionId session, Set<String> allowedSlConnections, String subject,
                              boolean mayDefer) {

    public FinalizeRequest {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(session, "session");
        allowedSlConnections = Set.copyOf(allowedSlConnections);
        Objects.requireNonNull(subject, "subject");
    }
}
