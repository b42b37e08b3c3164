package dev.ktx.ingest.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile {@code ktx.yaml} (docs/hostile-input.md): each is rejected before anything runs with a message naming the
 * key, and none echoes the secret {@value #CANARY}.
 */
class HostileConfigTest {

    static final String CANARY = "canary-Pw-7731";
    private static Path project;
    private static Path outside;

    @BeforeAll
    static void dirs() throws Exception {
        Path base = Files.createTempDirectory("hostile-config").toRealPath();
        project = Files.createDirectories(base.resolve("acme"));
        outside = Files.createDirectories(base.resolve("elsewhere"));
        Files.writeString(outside.resolve("secret"), CANARY);
        Files.createSymbolicLink(project.resolve("link"), outside);
        Files.createSymbolicLink(project.resolve("secret-link"), outside.resolve("secret"));
    }

    static Stream<Arguments> hostileConfigs() {
        String pg = "connections:\n  warehouse: { driver: postgres, url: \"%s\" }\n";
        String notion = "connections:\n  docs: { driver: notion, snapshot_dir: \"%s\" }\n";
        String notionToken = "connections:\n  docs: { driver: notion, auth_token: \"%s\" }\n";
        String inlinePassword = "Invalid connections.warehouse.url: must not carry a password (user-info or "
                + "password/sslpassword parameter); reference the url as env:NAME or file:/path";
        String out = " leads out of the project directory";
        String secretRoots = " (allowed: the project, [/run/secrets, /var/run/secrets])";
        return Stream.of(
                Arguments.of(
                        "libpq url with user:password@",
                        pg.formatted("postgresql://ktx:" + CANARY + "@db/acme"),
                        inlinePassword),
                Arguments.of(
                        "libpq url with password=",
                        pg.formatted("postgresql://db/acme?user=ktx&password=" + CANARY),
                        inlinePassword),
                Arguments.of(
                        "libpq url with sslpassword=",
                        pg.formatted("postgresql://ktx@db/acme?sslpassword=" + CANARY),
                        inlinePassword),
                Arguments.of(
                        "jdbc url with password=",
                        pg.formatted("jdbc:postgresql://db/acme?user=ktx&password=" + CANARY),
                        inlinePassword),
                Arguments.of(
                        "postgres:// url with user:password@",
                        pg.formatted("postgres://u:" + CANARY + "@db/acme"),
                        inlinePassword),
                Arguments.of(
                        "snapshot_dir with ..",
                        notion.formatted("../elsewhere"),
                        "Invalid connections.docs.snapshot_dir: ../elsewhere" + out),
                Arguments.of(
                        "snapshot_dir absolute outside",
                        notion.formatted("/etc"),
                        "Invalid connections.docs.snapshot_dir: /etc" + out),
                Arguments.of(
                        "snapshot_dir a symlink out",
                        notion.formatted("./link"),
                        "Invalid connections.docs.snapshot_dir: ./link is a symlink leading out of the project directory"),
                Arguments.of(
                        "dbt source_dir with ..",
                        "connections:\n  w: { driver: postgres, url: env:W }\n"
                                + "  dbt: { driver: dbt, source_dir: ../../dbt }\n",
                        "Invalid connections.dbt.source_dir: ../../dbt" + out),
                Arguments.of(
                        "file: secret with ..",
                        notionToken.formatted("file:../elsewhere/secret"),
                        "Invalid connections.docs.auth_token: file:" + outside.resolve("secret") + out + secretRoots),
                Arguments.of(
                        "file: secret absolute outside",
                        notionToken.formatted("file:/etc/passwd"),
                        "Invalid connections.docs.auth_token: file:/etc/passwd" + out + secretRoots),
                Arguments.of(
                        "file: secret a symlink out",
                        notionToken.formatted("file:secret-link"),
                        "Invalid connections.docs.auth_token: file:" + project.resolve("secret-link")
                                + " is a symlink leading out of the project directory" + secretRoots),
                Arguments.of(
                        "postgres url file: out of the project",
                        pg.formatted("file:../elsewhere/secret"),
                        "Invalid connections.warehouse.url: file:" + outside.resolve("secret") + out + secretRoots),
                Arguments.of(
                        "YAML alias bomb",
                        aliasBomb(),
                        "Invalid ktx.yaml: Number of aliases for non-scalar nodes exceeds the specified max=50"),
                Arguments.of(
                        "deep nesting",
                        "connections: " + "[".repeat(200) + "]".repeat(200) + "\n",
                        "Invalid ktx.yaml: Nesting Depth exceeded max 64"),
                Arguments.of(
                        "duplicate key",
                        "connections: {}\nconnections: {}\n",
                        "Invalid ktx.yaml: line 2, column 1: found duplicate key connections"),
                Arguments.of(
                        "inline metabase api_key",
                        "connections:\n  mb: { driver: metabase, api_url: https://mb.example.com, api_key: " + CANARY
                                + " }\n",
                        "Invalid connections.mb.api_key: secrets must be referenced as env:NAME or file:/path"),
                Arguments.of(
                        "api_url with credentials",
                        "connections:\n  mb: { driver: metabase, api_url: \"https://u:" + CANARY
                                + "@mb.example.com\", api_key: env:K }\n",
                        "Invalid connections.mb.api_url: must not embed credentials (use the secret reference)"));
    }

    /** Ten levels of nine aliases each: a billion nodes if expanded. */
    private static String aliasBomb() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x]\n");
        for (int level = 1; level <= 10; level++) {
            yaml.append("a")
                    .append(level)
                    .append(": &a")
                    .append(level)
                    .append(" [")
                    .append(String.join(", ", Collections.nCopies(9, "*a" + (level - 1))))
                    .append("]\n");
        }
        return yaml.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileConfigs")
    void isRejectedNamingTheKeyWithoutEchoingTheSecret(String label, String yaml, String expected) {
        ConfigException e =
                catchThrowableOfType(ConfigException.class, () -> new KtxConfigLoader().parse(yaml, project));

        assertThat(e).as(label).isNotNull();
        assertThat(e.problems()).contains(expected);
        assertThat(e.getMessage()).doesNotContain(CANARY);
    }
}
