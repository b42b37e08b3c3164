package dev.ktx.ingest.testinfra;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Where a PostgreSQL database is and who to connect as (trust authentication: no password). */
public record PostgresEndpoint(String host, int port, String user, String database) {

    private static final int DEFAULT_PORT = 5432;
    private static final String DEFAULT_USER = "postgres";
    private static final String PREFIX = "jdbc:postgresql://";

    public String jdbcUrl() {
        return PREFIX + host + ":" + port + "/" + database + "?user=" + user;
    }

    /** The same server and user, another database. */
    public PostgresEndpoint withDatabase(String otherDatabase) {
        return new PostgresEndpoint(host, port, user, otherDatabase);
    }

    /**
     * Parses {@code jdbc:postgresql://host[:port]/database[?user=name]}; the user defaults to {@code postgres}.
     * Other parameters (a password, for instance) are rejected rather than silently dropped.
     */
    public static PostgresEndpoint parse(String jdbcUrl) {
        String trimmed = jdbcUrl.trim();
        if (!trimmed.startsWith(PREFIX)) {
            throw unsupported(jdbcUrl);
        }
        URI uri = URI.create(trimmed.substring("jdbc:".length()));
        String database = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (uri.getHost() == null || database.isEmpty() || uri.getUserInfo() != null) {
            throw unsupported(jdbcUrl);
        }
        String user = DEFAULT_USER;
        if (uri.getRawQuery() != null) {
            for (String parameter : uri.getRawQuery().split("&")) {
                String[] pair = parameter.split("=", 2);
                if (pair.length != 2 || !pair[0].equals("user")) {
                    throw unsupported(jdbcUrl);
                }
                user = URLDecoder.decode(pair[1], StandardCharsets.UTF_8);
            }
        }
        return new PostgresEndpoint(uri.getHost(), uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort(), user, database);
    }

    private static IllegalArgumentException unsupported(String jdbcUrl) {
        return new IllegalArgumentException("unsupported PostgreSQL JDBC URL '" + jdbcUrl
                + "': expected jdbc:postgresql://host[:port]/database[?user=name]");
    }
}
