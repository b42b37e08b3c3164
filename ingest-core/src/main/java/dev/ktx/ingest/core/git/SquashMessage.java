package dev.ktx.ingest.core.git;

import org.eclipse.jgit.revwalk.RevCommit;

/** The message of a squash commit: subject, blank line, {@code Ktx-*} trailers. */
final class SquashMessage {

    static final String RUN = "Ktx-Run";
    static final String SESSION = "Ktx-Session";
    static final String TARGET = "Ktx-Target";
    static final String LOCK_TOKEN = "Ktx-Lock-Token";

    private SquashMessage() {}

    static String format(SessionId id, SquashMetadata metadata) {
        String subject = metadata.subject().strip();
        if (subject.isEmpty()) {
            throw new IllegalArgumentException("squash subject is blank for session " + id);
        }
        StringBuilder message = new StringBuilder(subject).append("\n\n");
        trailer(message, RUN, id.runId());
        trailer(message, SESSION, id.toString());
        trailer(message, TARGET, id.connectionId());
        metadata.lockToken().ifPresent(token -> trailer(message, LOCK_TOKEN, Long.toString(token)));
        return message.toString();
    }

    /** True when {@code commit} is the squash of {@code id} (its {@code Ktx-Session} trailer names it). */
    static boolean isSquashOf(RevCommit commit, SessionId id) {
        return commit.getFooterLines(SESSION).contains(id.toString());
    }

    private static void trailer(StringBuilder message, String key, String value) {
        message.append(key).append(": ").append(value).append('\n');
    }
}
