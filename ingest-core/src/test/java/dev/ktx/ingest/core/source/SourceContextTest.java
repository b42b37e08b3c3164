package dev.ktx.ingest.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ktx.ingest.core.config.DbtConnection;
import dev.ktx.ingest.core.config.MetabaseConnection;
import dev.ktx.ingest.core.config.SecretRef;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SourceContextTest {

    private static final MetabaseConnection METABASE = new MetabaseConnection(
            "mb", URI.create("http://localhost"), Optional.empty(), Optional.empty(), new TreeMap<>());
    private static final SourceContext CONTEXT =
            new SourceContext("run-1", METABASE, null, Path.of("."), Map.of("MB_KEY", "secret")::get);

    @Test
    void theConnectionComesAsTheAdaptersType() {
        assertThat(CONTEXT.connectionAs(MetabaseConnection.class, "metabase")).isSameAs(METABASE);
    }

    @Test
    void aConnectionOfAnotherDriverIsRefused() {
        assertThatThrownBy(() -> CONTEXT.connectionAs(DbtConnection.class, "dbt"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("connection mb is not a dbt connection");
    }

    @Test
    void theLiveSecretIsResolved() {
        assertThat(CONTEXT.liveSecret(Optional.of(new SecretRef.Env("MB_KEY")), "api_key"))
                .isEqualTo("secret");
    }

    @Test
    void aLiveFetchWithoutItsSecretNamesTheKey() {
        assertThatThrownBy(() -> CONTEXT.liveSecret(Optional.empty(), "api_key"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("mb: api_key is required without snapshot_dir");
    }
}
