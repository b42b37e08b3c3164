package dev.ktx.ingest.core.git;

import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.revwalk.RevCommit;

/** The message of a rollback commit: subject, blank line, {@code Ktx-Rollback} and the other trailers. */
final class RollbackMessage {

    static final String ROLLBACK = "Ktx-Rollback";
    static final String REQUEST = "Ktx-Rollback-Request";
    static final String REVERTS = "Ktx-Reverts";

    private RollbackMessage() {}

    static String format(String runId, List<String> squashes, RollbackMetadata metadata) {
        StringBuilder message =
                new StringBuilder("ktx: roll back run ").append(runId).append("\n\n");
        trailer(message, ROLLBACK, runId);
        trailer(message, REQUEST, metadata.rollbackId());
        squashes.forEach(squash -> trailer(message, REVERTS, squash));
        metadata.lockToken().ifPresent(token -> trailer(message, SquashMessage.LOCK_TOKEN, Long.toString(token)));
        return message.toString();
    }

    /** True when {@code commit} rolls back {@code runId}. */
    static boolean isRollbackOf(RevCommit commit, String runId) {
        return commit.getFooterLines(ROLLBACK).contains(runId);
    }

    /** The request a rollback commit answered. */
    static Optional<String> request(RevCommit commit) {
        return commit.getFooterLines(REQUEST).stream().findFirst();
    }

    /** True when {@code commit} is one of the squash commits of {@code runId}. */
    static boolean isSquashOfRun(RevCommit commit, String runId) {
        return commit.getFooterLines(SquashMessage.RUN).contains(runId);
    }

    private static void trailer(StringBuilder message, String key, String value) {
        message.append(key).append(": ").append(value).append('\n');
    }
}
