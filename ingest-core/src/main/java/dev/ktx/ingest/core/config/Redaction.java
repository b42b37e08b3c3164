package dev.ktx.ingest.core.config;

import java.util.regex.Pattern;

/**
 * Masks credentials in text that may quote a URL (a driver's error, an exception message): the user-info of
 * {@code scheme://user:password@host} and the values of secret query parameters become {@code ***}. Applied where
 * text leaves a process (step results, trace errors, sentinels); docs/hostile-input.md.
 */
public final class Redaction {

    public static final String MASK = "***";
    /** Query parameters whose value is a secret (libpq and JDBC spellings). */
    static final String SECRET_PARAMETERS = "password|sslpassword|pass|pwd|token|api_key|apikey|secret";

    private static final Pattern USER_INFO = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)[^/?#@\\s]+@");
    private static final Pattern SECRET_PARAMETER =
            Pattern.compile("(?i)([?&;](?:" + SECRET_PARAMETERS + ")=)[^&;#\\s]*");

    private Redaction() {}

    /** {@code text} with every URL's credentials masked; null stays null. */
    public static String urls(String text) {
        if (text == null) {
            return null;
        }
        String masked = USER_INFO.matcher(text).replaceAll("$1" + MASK + "@");
        return SECRET_PARAMETER.matcher(masked).replaceAll("$1" + MASK);
    }
}
