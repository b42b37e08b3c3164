package dev.ktx.ingest.core.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sessions and sentinels of one run created, committed to and deleted by many threads in two JVMs at once, in a
 * repository with a checkout (where JGit writes reflogs for {@code refs/heads/} by default): every update goes
 * through, no ref is lost and {@code git fsck} is clean. The failure seen in production was
 * {@code cannot update refs/heads/ktx/session/<runId>/<conn>} caused by a vanished reflog directory.
 */
class RefConcurrencyIT {

    private static final String RUN = "20260310120000-churn";
    private static final int THREADS = 4;
    private static final int CYCLES = 60;

    @TempDir
    Path dir;

    @Test
    void manyThreadsInTwoProcessesChurnSessionRefsOfOneRunWithoutAnError() throws Exception {
        Path root = dir.resolve("repo");
        TestRepo.create(root, TestRepo.Layout.NON_BARE).close();
        Path signals = Files.createDirectory(dir.resolve("signals"));
        Path childOutput = dir.resolve("child.out");
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "-Duser.home=" + dir.resolve("home"),
                        SessionChurn.class.getName(),
                        root.toString(),
                        signals.toString(),
                        RUN,
                        "child",
                        String.valueOf(THREADS),
                        String.valueOf(CYCLES))
                .redirectErrorStream(true)
                .redirectOutput(childOutput.toFile())
                .start();
        awaitReady(child, signals.resolve("ready-child"));
        Files.createFile(signals.resolve("go"));

        List<Throwable> failures = SessionChurn.run(root, RUN, "parent", THREADS, CYCLES);

        assertThat(child.waitFor(3, TimeUnit.MINUTES)).as("child finished").isTrue();
        assertThat(failures).as("failures in this JVM").isEmpty();
        assertThat(child.exitValue()).as(Files.readString(childOutput)).isZero();
        List<SessionId> kept = new ArrayList<>(SessionChurn.kept(RUN, "parent", THREADS, CYCLES));
        kept.addAll(SessionChurn.kept(RUN, "child", THREADS, CYCLES));
        try (LocalContextRepository repo = LocalContextRepository.open(root)) {
            assertThat(repo.sessions()).containsExactlyInAnyOrderElementsOf(kept);
            assertThat(repo.sentinels()).containsExactlyInAnyOrderElementsOf(kept);
        }
        GitCli.Result fsck = GitCli.run(root, "fsck", "--full", "--strict", "--no-dangling");
        assertThat(fsck.exitCode()).as(fsck.output()).isZero();
        assertThat(fsck.output().toLowerCase()).doesNotContain("warning", "error", "missing", "broken", "bad");
    }

    private static void awaitReady(Process child, Path ready) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (!Files.exists(ready)) {
            assertThat(child.isAlive()).as("second JVM alive while starting").isTrue();
            assertThat(System.currentTimeMillis()).as("second JVM ready").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
