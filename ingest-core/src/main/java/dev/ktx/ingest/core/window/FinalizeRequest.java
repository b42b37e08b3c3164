package dev.ktx.ingest.core.window;

import dev.ktx.ingest.core.git.SessionId;

import java.util.Objects;
import java.util.Set;

/**
 * Finalize one session of one project.
 *
 * @param allowedSlConnections connections whose semantic layer this session may write
 * @param subject              first line of the squash commit
 */
public record FinalizeRequest(String projectId, SessionId session, Set<String> allowedSlConnections, String subject) {

    public FinalizeRequest {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(session, "session");
        allowedSlConnections = Set.copyOf(allowedSlConnections);
        Objects.requireNonNull(subject, "subject");
    }
}
