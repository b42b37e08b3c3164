package dev.ktx.ingest.cli.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ktx.ingest.cli.CliEnvironment;
import dev.ktx.ingest.cli.CliRun;
import dev.ktx.ingest.core.git.Changeset;
import dev.ktx.ingest.core.git.LocalContextRepository;
import dev.ktx.ingest.core.git.Sentinel;
import dev.ktx.ingest.core.git.SessionId;
import dev.ktx.ingest.testinfra.GitHttpServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ktx sessions list|gc --repo-url}: the CLI mirrors the remote with KTX_GIT_TOKEN and changes its refs. */
class SessionsRemoteTest {

    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    private static final String TOKEN = "t0ken-for-git";
    private static final SessionId OLD = new SessionId("run-old", "warehouse");
    private static final SessionId RECENT = new SessionId("run-new", "docs");

    @TempDir
    Path dir;

    private Path bare;
    private GitHttpServer server;
    private String url;

    @BeforeEach
    void serveARepoWithSessions() throws IOException {
        Path root = Files.createDirectories(dir.resolve("server"));
        bare = root.resolve("acme.git");
        try (LocalContextRepository repo = LocalContextRepository.initBare(
                bare, Changeset.builder().write("ktx.yaml", "connections: {}\n").build(), "init")) {
            sentinel(repo, OLD, NOW.minus(Duration.ofDays(10)), "source refresh conflict: wiki/global/a.md");
            sentinel(repo, RECENT, NOW.minus(Duration.ofHours(1)), "final artifact gates failed");
        }
        server = GitHttpServer.start(root, "ktx", TOKEN);
        url = server.url("acme.git").toString();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private static void sentinel(LocalContextRepository repo, SessionId id, Instant at, String error) {
        repo.openSession(id);
        repo.writeSentinel(id, new Sentinel(Sentinel.Outcome.conflict, at, "abc", List.of(), error));
    }

    private CliEnvironment environment(String token) {
        return new CliEnvironment(
                Map.of(
                        "KTX_GIT_TOKEN",
                        token,
                        "KTX_REPOS_CACHE",
                        dir.resolve("cache").toString()),
                Clock.fixed(NOW, ZoneOffset.UTC),
                dir);
    }

    @Test
    void listShowsTheSessionsAndSentinelsOnTheRemote() {
        CliRun run = CliRun.with(environment(TOKEN), "sessions", "list", "--repo-url", url);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("""
                run-new/docs  conflict  2026-03-10T11:00:00Z  final artifact gates failed
                run-old/warehouse  conflict  2026-02-28T12:00:00Z  source refresh conflict: wiki/global/a.md
                """);
    }

    @Test
    void gcRemovesTheOldSentinelAndItsSessionOnTheRemote() {
        CliRun run = CliRun.with(
                environment(TOKEN), "sessions", "gc", "--older-than", "7d", "--repo-url", url, "--branch", "main");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("removed run-old/warehouse\n");
        try (LocalContextRepository repo = LocalContextRepository.open(bare)) {
            assertThat(repo.sentinels()).containsExactly(RECENT);
            assertThat(repo.sessions()).containsExactly(RECENT);
        }
    }

    @Test
    void readsTheTokenFromAFile() throws IOException {
        Path tokenFile = Files.writeString(dir.resolve("git-token"), TOKEN + "\n");

        CliRun run = CliRun.with(environment("file:" + tokenFile), "sessions", "list", "--repo-url", url);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("run-old/warehouse");
    }

    @Test
    void aFileRemoteIsGivenNoCredentials() {
        CliRun run = CliRun.with(
                environment("file:" + dir.resolve("no-such-token-file")),
                "sessions",
                "list",
                "--repo-url",
                bare.toUri().toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("run-old/warehouse");
    }

    @Test
    void aWrongTokenIsAnErrorNamingTheUrlNotTheToken() {
        CliRun run = CliRun.with(environment("wr0ng-t0ken"), "sessions", "list", "--repo-url", url);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(url).contains("refused the credentials").doesNotContain("wr0ng-t0ken");
        assertThat(run.out()).isEmpty();
    }
}
