package dev.ktx.ingest.cli.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ktx.ingest.cli.CliEnvironment;
import dev.ktx.ingest.cli.CliRun;
import dev.ktx.ingest.core.git.Changeset;
import dev.ktx.ingest.core.git.LocalContextRepository;
import dev.ktx.ingest.core.git.Sentinel;
import dev.ktx.ingest.core.git.SessionId;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionsCommandTest {

    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    private static final SessionId OLD = new SessionId("run-old", "warehouse");
    private static final SessionId RECENT = new SessionId("run-new", "docs");
    private static final SessionId OPEN = new SessionId("run-new", "analytics_dbt");
    /** Sessions without a sentinel of planner runs (timestamped run ids) started 4 h and 1 h before NOW. */
    private static final SessionId ORPHAN = new SessionId("20260310080000-ab12cd34", "metabase");

    private static final SessionId RUNNING = new SessionId("20260310110000-ef56ab78", "metabase");

    @TempDir
    Path dir;

    private Path repoDir;
    private CliEnvironment environment;

    @BeforeEach
    void repoWithSentinels() {
        repoDir = dir.resolve("repo.git");
        try (LocalContextRepository repo = LocalContextRepository.initBare(
                repoDir,
                Changeset.builder().write("ktx.yaml", "connections: {}\n").build(),
                "init")) {
            sentinel(
                    repo,
                    OLD,
                    new Sentinel(
                            Sentinel.Outcome.conflict,
                            NOW.minus(Duration.ofDays(10)),
                            "abc",
                            List.of("wiki/global/a.md"),
                            "source refresh conflict before before_final_squash: wiki/global/a.md"));
            sentinel(
                    repo,
                    RECENT,
                    new Sentinel(
                            Sentinel.Outcome.gate_failed,
                            NOW.minus(Duration.ofHours(1)),
                            "abc",
                            List.of(),
                            "final artifact gates failed:\nhome: unknown sl_refs entry x\npath not allowed: ../y"));
            repo.openSession(OPEN);
            repo.openSession(ORPHAN);
            repo.openSession(RUNNING);
        }
        environment = new CliEnvironment(Map.of(), Clock.fixed(NOW, ZoneOffset.UTC), dir);
    }

    private static void sentinel(LocalContextRepository repo, SessionId id, Sentinel sentinel) {
        repo.openSession(id);
        repo.writeSentinel(id, sentinel);
    }

    @Test
    void gcRemovesSentinelsOlderThanTheDurationWithTheirSessions() {
        CliRun run =
                CliRun.with(environment, "sessions", "gc", "--older-than", "7d", "--project-dir", repoDir.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .isEqualTo("removed run-old/warehouse\nremoved 20260310080000-ab12cd34/metabase (orphaned)\n");
        try (LocalContextRepository repo = LocalContextRepository.open(repoDir)) {
            assertThat(repo.sentinels()).containsExactly(RECENT);
            assertThat(repo.sessions()).containsExactlyInAnyOrder(RECENT, OPEN, RUNNING);
        }
    }

    @Test
    void gcRemovesOrphansOlderThanTheGivenAge() {
        CliRun run = CliRun.with(
                environment,
                "sessions",
                "gc",
                "--older-than",
                "30d",
                "--orphans-older-than",
                "30m",
                "--project-dir",
                repoDir.toString());

        assertThat(run.out().lines().toList())
                .containsExactlyInAnyOrder(
                        "removed 20260310080000-ab12cd34/metabase (orphaned)",
                        "removed 20260310110000-ef56ab78/metabase (orphaned)");
    }

    @Test
    void gcWithAShortDurationRemovesTheRecentOneToo() {
        CliRun run =
                CliRun.with(environment, "sessions", "gc", "--older-than", "30m", "--project-dir", repoDir.toString());

        assertThat(run.out().lines().toList())
                .containsExactlyInAnyOrder(
                        "removed run-old/warehouse",
                        "removed run-new/docs",
                        "removed 20260310080000-ab12cd34/metabase (orphaned)");
    }

    @Test
    void listShowsEachSessionWithItsOutcomeAndErrorOnOneLine() {
        CliRun run = CliRun.with(environment, "sessions", "list", "--project-dir", repoDir.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("""
                20260310080000-ab12cd34/metabase  orphaned  -  -
                20260310110000-ef56ab78/metabase  open  -  -
                run-new/analytics_dbt  open  -  -
                run-new/docs  gate_failed  2026-03-10T11:00:00Z  final artifact gates failed:; home: unknown sl_refs entry x; path not allowed: ../y
                run-old/warehouse  conflict  2026-02-28T12:00:00Z  source refresh conflict before before_final_squash: wiki/global/a.md
                """);
    }

    @Test
    void aDirectoryThatIsNotARepositoryIsAnError() {
        CliRun run = CliRun.with(
                environment,
                "sessions",
                "gc",
                "--older-than",
                "7d",
                "--project-dir",
                dir.resolve("none").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .startsWith("not a git repository: ")
                .endsWith("(give the project's context repo with --project-dir or --repo-url)\n");
    }
}
