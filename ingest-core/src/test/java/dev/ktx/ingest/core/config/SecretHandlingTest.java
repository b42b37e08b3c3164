package dev.ktx.ingest.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretHandlingTest {

    private final KtxConfigLoader loader = new KtxConfigLoader();

    @Test
    void referencesAreResolvedOnlyWhenAsked(@TempDir Path projectDir) throws Exception {
        Files.createDirectories(projectDir.resolve("secrets"));
        Files.writeString(projectDir.resolve("secrets/notion-token"), "secret_notion_value\n");
        KtxConfig config = loader.parse("""
                connections:
                  mb: { driver: metabase, api_url: https://mb.example.com, api_key: env:METABASE_API_KEY }
                  docs: { driver: notion, auth_token: file:secrets/notion-token }
                """, projectDir);
        SecretResolver environment = Map.of("METABASE_API_KEY", "mb_live_key")::get;

        SecretRef apiKey =
                ((MetabaseConnection) config.connections().get("mb")).apiKey().orElseThrow();
        SecretRef authToken = ((NotionConnection) config.connections().get("docs"))
                .authToken()
                .orElseThrow();

        assertThat(apiKey.resolve(environment)).isEqualTo("mb_live_key");
        assertThat(authToken).isEqualTo(new SecretRef.File(projectDir.resolve("secrets/notion-token")));
        assertThat(authToken.resolve(environment)).isEqualTo("secret_notion_value");
    }

    @Test
    void toStringShowsTheReferenceNeverTheValue(@TempDir Path projectDir) throws Exception {
        Files.writeString(projectDir.resolve("token"), "tok_value");
        KtxConfig config = loader.parse("""
                connections:
                  warehouse: { driver: postgres, url: "postgresql://ktx@db:5432/acme" }
                  docs: { driver: notion, auth_token: file:token }
                """, projectDir);

        assertThat(config.toString())
                .contains(
                        "file:" + projectDir.resolve("token"),
                        "jdbc:postgresql://db:5432/acme",
                        "user=ktx",
                        "password=<none>")
                .doesNotContain("tok_value");
    }

    @Test
    void rejectsInlineSecretsWithoutEchoingThem() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.parse("""
                connections:
                  prod_metabase: { driver: metabase, api_url: https://mb.example.com, api_key: mb_inline_s3cret }
                  docs: { driver: notion, auth_token: "env:bad name" }
                """, Path.of("/p")));

        assertThat(e.problems())
                .containsExactly(
                        "Invalid connections.prod_metabase.api_key: secrets must be referenced as env:NAME or file:/path",
                        "Invalid connections.docs.auth_token: env: reference must name a variable matching [A-Za-z_][A-Za-z0-9_]*");
        assertThat(e.getMessage()).doesNotContain("mb_inline_s3cret", "bad name");
    }

    @Test
    void neverEchoesAnInvalidInlinePostgresUrl() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.parse("""
                connections:
                  warehouse: { driver: postgres, url: "mysql://root:pg_p4ss@db/acme" }
                  other: { driver: postgres, url: "postgresql://root:%zz_p4ss@db/acme" }
                """, Path.of("/p")));

        assertThat(e.problems())
                .containsExactly(
                        "Invalid connections.warehouse.url: " + PostgresUrl.EXPECTED_FORMS,
                        "Invalid connections.other.url: invalid percent-encoding in the credentials");
        assertThat(e.getMessage()).doesNotContain("p4ss");
    }

    @Test
    void aSyntaxErrorDoesNotQuoteTheLineItIsOn() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.parse("""
                connections:
                  mb: { driver: metabase, api_key: "mb_inline_s3cret }
                """, Path.of("/p")));

        assertThat(e.problems()).singleElement().asString().startsWith("Invalid ktx.yaml: line 3, column 1: ");
        assertThat(e.getMessage()).doesNotContain("s3cret");
    }

    @Test
    void aMissingEnvironmentVariableNamesTheReference() {
        SecretRef ref = new SecretRef.Env("METABASE_API_KEY");

        assertThatThrownBy(() -> ref.resolve(name -> null))
                .isInstanceOf(SecretResolutionException.class)
                .hasMessage(
                        "Cannot resolve secret env:METABASE_API_KEY: environment variable METABASE_API_KEY is not set");
    }

    @Test
    void anUnreadableFileNamesTheReference(@TempDir Path dir) {
        SecretRef ref = new SecretRef.File(dir.resolve("absent"));

        assertThatThrownBy(() -> ref.resolve(name -> null))
                .isInstanceOf(SecretResolutionException.class)
                .hasMessage("Cannot resolve secret file:" + dir.resolve("absent")
                        + ": cannot read the file (NoSuchFileException)");
    }

    @Test
    void aReferencedPostgresUrlIsParsedWhenResolved() {
        PostgresUrlSetting url = new PostgresUrlSetting.Referenced(new SecretRef.Env("WAREHOUSE_URL"));

        assertThat(url.resolve(Map.of("WAREHOUSE_URL", "postgres://ktx:pw@db/acme")::get))
                .isEqualTo(new PostgresUrl("jdbc:postgresql://db/acme", Optional.of("ktx"), Optional.of("pw")));
        assertThatThrownBy(() -> url.resolve(Map.of("WAREHOUSE_URL", "mysql://ktx:pw@db/acme")::get))
                .isInstanceOf(SecretResolutionException.class)
                .hasMessage("Cannot resolve secret env:WAREHOUSE_URL: not a valid postgres url: "
                        + PostgresUrl.EXPECTED_FORMS);
    }
}
