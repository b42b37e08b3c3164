package dev.ktx.ingest.core.repo;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Identifies one sync of a source: {@code YYYY-MM-DD-HHMMSS-<jobId>} in UTC, so that snapshot directories sort by
 * time. The job id is one path segment of letters, digits, {@code _} and {@code -}.
 */
public record SyncId(Instant startedAt, String jobId) {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd-HHmmss").withZone(ZoneOffset.UTC);
    private static final Pattern JOB_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
    private static final Pattern SYNC_ID = Pattern.compile("(\\d{4}-\\d{2}-\\d{2}-\\d{6})-(" + JOB_ID.pattern() + ")");

    public SyncId {
        Objects.requireNonNull(startedAt, "startedAt");
        if (jobId == null || !JOB_ID.matcher(jobId).matches()) {
            throw new IllegalArgumentException("invalid job id: " + jobId);
        }
        startedAt = startedAt.truncatedTo(ChronoUnit.SECONDS);
    }

    public static SyncId parse(String value) {
        Matcher matcher = SYNC_ID.matcher(value);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("invalid sync id: " + value);
        }
        try {
            Instant at = LocalDateTime.parse(matcher.group(1), TIME).toInstant(ZoneOffset.UTC);
            return new SyncId(at, matcher.group(2));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("invalid sync id: " + value, e);
        }
    }

    @Override
    public String toString() {
        return TIME.format(startedAt) + "-" + jobId;
    }
}
