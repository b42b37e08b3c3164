package dev.ktx.ingest.testinfra;

import java.net.URI;

/** Where a Redis server listens. */
public record RedisEndpoint(String host, int port) {

    private static final int DEFAULT_PORT = 6379;

    /** {@code redis://host:port}, the form Redisson and Quarkus accept. */
    public String uri() {
        return "redis://" + host + ":" + port;
    }

    /**
     * Parses {@code redis://host[:port]}. Credentials, database indexes and TLS are rejected rather than silently
     * dropped, because this record cannot carry them.
     */
    public static RedisEndpoint parse(String uri) {
        URI parsed = URI.create(uri.trim());
        boolean onlyHostAndPort = parsed.getUserInfo() == null
                && (parsed.getPath() == null
                        || parsed.getPath().isEmpty()
                        || parsed.getPath().equals("/"))
                && parsed.getQuery() == null;
        if (!"redis".equals(parsed.getScheme()) || parsed.getHost() == null || !onlyHostAndPort) {
            throw new IllegalArgumentException("unsupported Redis URI '" + uri + "': expected redis://host[:port]");
        }
        return new RedisEndpoint(parsed.getHost(), parsed.getPort() == -1 ? DEFAULT_PORT : parsed.getPort());
    }
}
