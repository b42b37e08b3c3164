package dev.ktx.ingest.core.source;

import dev.ktx.ingest.core.config.ConnectionConfig;
import dev.ktx.ingest.core.config.KtxConfig;
import dev.ktx.ingest.core.config.SecretResolver;
import java.nio.file.Path;

/** Everything an adapter may know about the run it works in. Secrets are resolved only through {@code secrets}. */
public record SourceContext(
        String runId, ConnectionConfig connection, KtxConfig config, Path projectDir, SecretResolver secrets) {

    public String connectionId() {
        return connection.id();
    }
}
