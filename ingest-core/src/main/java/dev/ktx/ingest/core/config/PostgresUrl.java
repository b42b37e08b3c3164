package dev.ktx.ingest.core.config;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A postgres connection address split into a credential-free JDBC URL and the credentials, so the URL can be
 * logged. {@link #toString()} never shows the password.
 *
 * @param secretParameters secret query parameters other than {@code password} (e.g. {@code sslpassword}), kept off
 *                         the JDBC URL and passed as connection properties
 */
public record PostgresUrl(
        String jdbcUrl, Optional<String> user, Optional<String> password, Map<String, String> secretParameters) {

    /** Query parameters holding a secret besides {@code password}; they never stay on {@link #jdbcUrl()}. */
    private static final Set<String> SECRET_PARAMETERS = Set.of("sslpassword");

    private static final String JDBC_PREFIX = "jdbc:postgresql://";
    private static final List<String> PREFIXES = List.of(JDBC_PREFIX, "postgresql://", "postgres://");
    static final String EXPECTED_FORMS =
            "expected postgresql://user:password@host:port/db, postgres://… or jdbc:postgresql://host:port/db?user=…";

    public PostgresUrl {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        secretParameters = Map.copyOf(secretParameters);
    }

    public PostgresUrl(String jdbcUrl, Optional<String> user, Optional<String> password) {
        this(jdbcUrl, user, password, Map.of());
    }

    /** A password in user-info or in a secret query parameter: only allowed where the url itself is a secret. */
    public boolean carriesSecrets() {
        return password.isPresent() || !secretParameters.isEmpty();
    }

    /**
     * Parses a libpq URI ({@code postgresql://} or {@code postgres://}) or a JDBC URL
     * ({@code jdbc:postgresql://}). Credentials come from the user-info part or from the {@code user} and
     * {@code password} query parameters; other parameters stay on the JDBC URL.
     *
     * @throws IllegalArgumentException with a message that never contains the input (it may hold a password)
     */
    public static PostgresUrl parse(String text) {
        String rest = PREFIXES.stream()
                .filter(text::startsWith)
                .findFirst()
                .map(prefix -> text.substring(prefix.length()))
                .orElseThrow(() -> new IllegalArgumentException(EXPECTED_FORMS));
        if (rest.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("must not contain whitespace");
        }
        int queryStart = indexOrLength(rest, '?');
        int pathStart = Math.min(indexOrLength(rest, '/'), queryStart);
        String authority = rest.substring(0, pathStart);
        String path = pathStart == queryStart ? "/" : rest.substring(pathStart, queryStart);
        String query = queryStart < rest.length() ? rest.substring(queryStart + 1) : "";

        int at = authority.lastIndexOf('@');
        String hosts = authority.substring(at + 1);
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("must name a host");
        }
        Credentials credentials = at < 0 ? Credentials.NONE : Credentials.ofUserInfo(authority.substring(0, at));

        List<String> keptParameters = new ArrayList<>();
        Map<String, String> secretParameters = new TreeMap<>();
        for (String parameter : query.split("&")) {
            String name = parameter.substring(0, indexOrLength(parameter, '='));
            if (parameter.startsWith("user=")) {
                credentials = credentials.withUserIfAbsent(decode(parameter.substring("user=".length())));
            } else if (parameter.startsWith("password=")) {
                credentials = credentials.withPasswordIfAbsent(decode(parameter.substring("password=".length())));
            } else if (SECRET_PARAMETERS.contains(name)) {
                secretParameters.put(
                        name, decode(parameter.substring(Math.min(parameter.length(), name.length() + 1))));
            } else if (!parameter.isEmpty()) {
                keptParameters.add(parameter);
            }
        }
        String jdbcUrl =
                JDBC_PREFIX + hosts + path + (keptParameters.isEmpty() ? "" : "?" + String.join("&", keptParameters));
        return new PostgresUrl(jdbcUrl, credentials.user(), credentials.password(), secretParameters);
    }

    @Override
    public String toString() {
        return "PostgresUrl[jdbcUrl=" + jdbcUrl + ", user=" + user.orElse("<none>") + ", password="
                + password.map(p -> "****").orElse("<none>") + ", secretParameters=" + secretParameters.keySet() + "]";
    }

    private static int indexOrLength(String s, char c) {
        int index = s.indexOf(c);
        return index < 0 ? s.length() : index;
    }

    private static String decode(String encoded) {
        try {
            // libpq percent-decodes but, unlike form encoding, keeps '+' literal
            return URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // URLDecoder's message quotes its input, which may be the password
            throw new IllegalArgumentException("invalid percent-encoding in the credentials");
        }
    }

    private record Credentials(Optional<String> user, Optional<String> password) {

        static final Credentials NONE = new Credentials(Optional.empty(), Optional.empty());

        static Credentials ofUserInfo(String userInfo) {
            int colon = userInfo.indexOf(':');
            String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
            Optional<String> password =
                    colon < 0 ? Optional.empty() : Optional.of(decode(userInfo.substring(colon + 1)));
            return new Credentials(Optional.of(decode(user)).filter(u -> !u.isEmpty()), password);
        }

        Credentials withUserIfAbsent(String value) {
            return user.isPresent() ? this : new Credentials(Optional.of(value), password);
        }

        Credentials withPasswordIfAbsent(String value) {
            return password.isPresent() ? this : new Credentials(user, Optional.of(value));
        }
    }
}
