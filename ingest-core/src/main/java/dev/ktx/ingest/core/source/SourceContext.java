package dev.ktx.ingest.core.source;

import dev.ktx.ingest.core.config.ConnectionConfig;
import dev.ktx.ingest.core.config.KtxConfig;
import dev.ktx.ingest.core.config.SecretRef;
import dev.ktx.ingest.core.config.SecretResolver;
import java.nio.file.Path;
import java.util.Optional;

/** Everything an adapter may know about the run it works in. Secrets are resolved only through {@code secrets}. */
public record SourceContext(
        String runId, ConnectionConfig connection, KtxConfig config, Path projectDir, SecretResolver secrets) {

    public String connectionId() {
        return connection.id();
    }

    /**
     * The connection as the adapter's own type.
     *
     * @param driver the driver's name in the message, e.g. {@code notion}
     * @throws IllegalArgumentException when the connection is of another driver
     */
    public <T extends ConnectionConfig> T connectionAs(Class<T> type, String driver) {
        if (type.isInstance(connection)) {
            return type.cast(connection);
        }
        throw new IllegalArgumentException("connection " + connectionId() + " is not a " + driver + " connection");
    }

    /**
     * The secret a live fetch sends, resolved. A source reads its API only without {@code snapshot_dir}, and then
     * the secret is required (docs/connectors.md).
     *
     * @param key the secret's key in ktx.yaml, e.g. {@code api_key}
     * @throws IllegalStateException when the connection has no such secret
     */
    public String liveSecret(Optional<SecretRef> secret, String key) {
        return secret.orElseThrow(() ->
                        new IllegalStateException(connectionId() + ": " + key + " is required without snapshot_dir"))
                .resolve(secrets);
    }
}
