package dev.ktx.ingest.core.git;

import static dev.ktx.ingest.core.git.TestRepo.writes;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What JGit writes through this adapter must pass the strictest check of the reference implementation. */
class FsckTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestRepo.Layout.class)
    void repoIsCleanAfterSessionsRefreshesSquashesAndSentinels(TestRepo.Layout layout) throws Exception {
        try (TestRepo repo = TestRepo.create(dir, layout)) {
            SessionId merged = new SessionId("run-1", "dbt");
            SessionId conflicting = new SessionId("run-1", "notion");
            SquashMetadata metadata = new SquashMetadata("ktx: ingest", OptionalLong.of(3));

            repo.context.openSession(merged);
            repo.context.openSession(conflicting);
            repo.context.commit(merged, writes("wiki/global/a.md", "a", "raw-sources/dbt/x/1/m.json", "{}"), "a");
            repo.context.commit(conflicting, writes("ktx.yaml", "project: notion\n"), "n");
            String main = repo.advanceMain(writes("ktx.yaml", "project: other\n", "wiki/global/b.md", "b"));
            assertThat(repo.context.refresh(merged, main).changed()).isTrue();
            assertThat(repo.context.squash(merged, main, metadata).status()).isEqualTo(SquashResult.Status.MERGED);
            assertThat(repo.context.refresh(conflicting, repo.mainHead()).isConflict())
                    .isTrue();
            repo.context.writeSentinel(
                    conflicting,
                    new Sentinel(
                            Sentinel.Outcome.conflict,
                            Instant.now(),
                            main,
                            List.of("ktx.yaml"),
                            "source refresh conflict before final_squash: ktx.yaml"));
            repo.context.writeSentinel(
                    new SessionId("run-2", "gone"),
                    new Sentinel(Sentinel.Outcome.crash, Instant.now(), null, List.of(), "crash"));

            GitCli.Result fsck = GitCli.run(repo.root, "fsck", "--full", "--strict");

            assertThat(fsck.exitCode()).as(fsck.output()).isZero();
            // Whole words only: object ids such as "bad6c2c…" are fine.
            assertThat(fsck.output().toLowerCase()).doesNotContainPattern("\\b(warning|error|missing|broken|bad)\\b");
        }
    }
}
