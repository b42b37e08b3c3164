package dev.ktx.ingest.core.window;

import dev.ktx.ingest.core.git.SessionId;
import java.util.Objects;
import java.util.Set;

/**
 * Finalize one session of one project.
 *
 * @param allowedSlConnections connections whose semantic layer this session may write
 * @param subject              first line of the squash commit
 * @param awaitedPeers         other targets of the run that have not reached a final state and are not parked
 *                             themselves; while there are any, a session failing only on references to missing
 *                             pages, sources or entities is parked (no sentinel), since one of them may still land
 *                             what it refers to. Empty: the gates decide.
 */
public record FinalizeRequest(
        String projectId,
        SessionId session,
        Set<String> allowedSlConnections,
        String subject,
        Set<String> awaitedPeers) {

    public FinalizeRequest {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(session, "session");
        allowedSlConnections = Set.copyOf(allowedSlConnections);
        Objects.requireNonNull(subject, "subject");
        awaitedPeers = Set.copyOf(awaitedPeers);
    }
}
