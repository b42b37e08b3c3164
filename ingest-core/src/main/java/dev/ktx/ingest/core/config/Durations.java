package dev.ktx.ingest.core.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people type them, in {@code ktx.yaml} and on the command line: {@code 7d}, {@code 12h}, {@code 30m},
 * {@code 45s}, {@code 500ms}, combinations such as {@code 1h30m}, or ISO-8601 ({@code PT5M}).
 */
public final class Durations {

    private static final Pattern PART = Pattern.compile("(\\d+)(ms|d|h|m|s)");

    private Durations() {}

    /** @throws IllegalArgumentException naming the value and the accepted forms */
    public static Duration parse(String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        if (text.startsWith("p")) {
            try {
                Duration duration = Duration.parse(text);
                if (duration.isNegative()) {
                    throw invalid(value);
                }
                return duration;
            } catch (DateTimeParseException e) {
                throw invalid(value);
            }
        }
        Matcher part = PART.matcher(text);
        Duration total = Duration.ZERO;
        int end = 0;
        while (part.lookingAt()) {
            total = total.plus(unit(Long.parseLong(part.group(1)), part.group(2)));
            end = part.end();
            part.region(end, text.length());
        }
        if (end == 0 || end != text.length()) {
            throw invalid(value);
        }
        return total;
    }

    /** The short form {@link #parse} reads, largest units first: {@code 2h}, {@code 10m}, {@code 1h30m}, {@code 0s}. */
    public static String format(Duration duration) {
        StringBuilder text = new StringBuilder();
        append(text, duration.toDays(), "d");
        append(text, duration.toHoursPart(), "h");
        append(text, duration.toMinutesPart(), "m");
        append(text, duration.toSecondsPart(), "s");
        append(text, duration.toMillisPart(), "ms");
        return text.isEmpty() ? "0s" : text.toString();
    }

    private static void append(StringBuilder text, long amount, String unit) {
        if (amount > 0) {
            text.append(amount).append(unit);
        }
    }

    private static Duration unit(long amount, String unit) {
        return switch (unit) {
            case "d" -> Duration.ofDays(amount);
            case "h" -> Duration.ofHours(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "ms" -> Duration.ofMillis(amount);
            default -> throw new IllegalStateException("unit not in the pattern: " + unit);
        };
    }

    private static IllegalArgumentException invalid(String value) {
        return new IllegalArgumentException(
                "'" + value + "' is not a duration (e.g. 7d, 12h, 30m, 45s, 500ms, 1h30m or ISO-8601 PT5M)");
    }
}
