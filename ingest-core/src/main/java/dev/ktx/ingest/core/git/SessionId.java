package dev.ktx.ingest.core.git;

import java.util.Objects;
import java.util.regex.Pattern;

/** Identity of one target's session in one run; also the value of the {@code Ktx-Session} trailer. */
public record SessionId(String runId, String connectionId) {

    private static final Pattern REF_SAFE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]*$");

    public SessionId {
        requireRefSafe("runId", runId);
        requireRefSafe("connectionId", connectionId);
    }

    private static void requireRefSafe(String what, String value) {
        Objects.requireNonNull(value, what);
        if (!REF_SAFE.matcher(value).matches() || value.endsWith(".lock") || value.contains("..")) {
            throw new IllegalArgumentException(what + " is not usable in a git ref name: '" + value + "'");
        }
    }

    /** {@code refs/heads/ktx/session/<runId>/<connectionId>} */
    public String sessionRef() {
        return "refs/heads/ktx/session/" + runId + "/" + connectionId;
    }

    /** {@code refs/ktx/sentinels/<runId>/<connectionId>} */
    public String sentinelRef() {
        return "refs/ktx/sentinels/" + runId + "/" + connectionId;
    }

    @Override
    public String toString() {
        return runId + "/" + connectionId;
    }
}
