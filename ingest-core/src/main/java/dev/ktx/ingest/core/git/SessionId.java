package dev.ktx.ingest.core.git;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Identity of one target's session in one run; also the value of the {@code Ktx-Session} trailer. */
public record SessionId(String runId, String connectionId) {

    public static final String SESSION_REF_PREFIX = "refs/heads/ktx/session/";
    public static final String SENTINEL_REF_PREFIX = "refs/ktx/sentinels/";
    public static final String HANDOFF_REF_PREFIX = "refs/ktx/handoffs/";

    private static final Pattern REF_SAFE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]*$");
    /** The planner's run ids start with the UTC start time: {@code yyyyMMddHHmmss-<random>}. */
    private static final Pattern RUN_STARTED = Pattern.compile("^(\\d{14})-");

    private static final DateTimeFormatter RUN_STARTED_FORMAT = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");

    public SessionId {
        requireRefSafe("runId", runId);
        requireRefSafe("connectionId", connectionId);
    }

    /** Inverse of {@link #toString()}: {@code <runId>/<connectionId>}. */
    public static SessionId parse(String value) {
        String[] parts = value.split("/", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("expected <runId>/<connectionId>: '" + value + "'");
        }
        return new SessionId(parts[0], parts[1]);
    }

    private static void requireRefSafe(String what, String value) {
        Objects.requireNonNull(value, what);
        if (!REF_SAFE.matcher(value).matches() || value.endsWith(".lock") || value.contains("..")) {
            throw new IllegalArgumentException(what + " is not usable in a git ref name: '" + value + "'");
        }
    }

    /** When the run started, from the run id's timestamp prefix; empty for run ids the planner did not make. */
    public Optional<Instant> runStartedAt() {
        Matcher prefix = RUN_STARTED.matcher(runId);
        if (!prefix.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    LocalDateTime.parse(prefix.group(1), RUN_STARTED_FORMAT).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** {@code refs/heads/ktx/session/<runId>/<connectionId>} */
    public String sessionRef() {
        return SESSION_REF_PREFIX + runId + "/" + connectionId;
    }

    /** {@code refs/ktx/sentinels/<runId>/<connectionId>} */
    public String sentinelRef() {
        return SENTINEL_REF_PREFIX + runId + "/" + connectionId;
    }

    /** {@code refs/ktx/handoffs/<runId>/<connectionId>}: the finalize request a worker published for the session. */
    public String handoffRef() {
        return HANDOFF_REF_PREFIX + runId + "/" + connectionId;
    }

    @Override
    public String toString() {
        return runId + "/" + connectionId;
    }
}
