package dev.ktx.ingest.connectors.dbt;

import dev.ktx.ingest.core.config.DbtProject;
import dev.ktx.ingest.core.retry.TransientFailure;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.errors.CorruptObjectException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.PackInvalidException;

/**
 * A dbt repository could not be cloned or fetched, for a reason another attempt may not have (network, server).
 * Built without the JGit cause, whose messages and stack traces are not ours to vouch for: the message is JGit's
 * with the token cut out.
 */
final class DbtGitException extends RuntimeException implements TransientFailure {

    /**
     * JGit tells a refused credential and a missing branch only by the message of a {@link TransportException}
     * ("not authorized", "Authentication is required …", "… not permitted …", "Remote branch … not found …",
     * "Remote does not have … available for fetch"); another attempt would fail the same way.
     */
    private static final Pattern PERMANENT = Pattern.compile(
            "(?i)not authorized|authentication|not permitted|remote branch .* not found|does not have .* available");

    private DbtGitException(String message) {
        super(message);
    }

    /**
     * A refused credential or a missing branch is permanent ({@link DbtProjectException}); anything else is worth
     * another attempt.
     */
    static RuntimeException of(DbtProject.GitRepo repo, Exception failure, Optional<String> token) {
        String detail = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        for (String secret : token.stream().toList()) {
            detail = detail.replace(secret, "[token]");
        }
        String message = "cannot fetch dbt repository " + repo.repoUrl() + " (branch " + repo.branch() + "): " + detail;
        return PERMANENT.matcher(detail).find() && failure instanceof TransportException
                ? new DbtProjectException(message)
                : new DbtGitException(message);
    }

    /** Whether a failed update of a cached clone came from its own files rather than from the remote. */
    static boolean isLocalDamage(Exception failure) {
        if (!(failure instanceof TransportException)) {
            return true;
        }
        for (Throwable t = failure.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof MissingObjectException
                    || t instanceof CorruptObjectException
                    || t instanceof PackInvalidException) {
                return true;
            }
        }
        return false;
    }
}
