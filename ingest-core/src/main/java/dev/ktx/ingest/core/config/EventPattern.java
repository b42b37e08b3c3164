package dev.ktx.ingest.core.config;

import java.util.regex.Pattern;

/**
 * A CloudEvent attribute pattern of a trigger rule: the text itself, where each {@code *} stands for any run of
 * characters (also none, also {@code /}). Other glob characters ({@code ? [ ] { }}) are not wildcards and are
 * rejected, so that nobody relies on a meaning they do not have.
 */
public record EventPattern(String glob) {

    private static final String UNSUPPORTED = "?[]{}";

    public EventPattern {
        String problem = problem(glob);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** What is wrong with {@code glob} as a pattern, or null. */
    static String problem(String glob) {
        if (glob == null || glob.isBlank()) {
            return "must not be empty";
        }
        for (char c : glob.toCharArray()) {
            if (UNSUPPORTED.indexOf(c) >= 0) {
                return "'" + c + "' is not supported in a pattern (only * is a wildcard): " + glob;
            }
            if (Character.isISOControl(c)) {
                return "control characters are not allowed in a pattern";
            }
        }
        return null;
    }

    /** Whether the attribute value matches; an absent attribute (null) matches no pattern. */
    public boolean matches(String value) {
        return value != null && regex().matcher(value).matches();
    }

    private Pattern regex() {
        StringBuilder regex = new StringBuilder();
        for (String literal : glob.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(literal));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
