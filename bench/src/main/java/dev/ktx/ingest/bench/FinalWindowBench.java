package dev.ktx.ingest.bench;

import dev.ktx.ingest.core.gate.FinalGates;
import dev.ktx.ingest.core.gate.ProvenanceGate;
import dev.ktx.ingest.core.git.Changeset;
import dev.ktx.ingest.core.git.LocalContextRepository;
import dev.ktx.ingest.core.git.SessionId;
import dev.ktx.ingest.core.lock.InProcessProjectLock;
import dev.ktx.ingest.core.window.FinalWindow;
import dev.ktx.ingest.core.window.FinalWindowSettings;
import dev.ktx.ingest.core.window.FinalizeOutcome;
import dev.ktx.ingest.core.window.FinalizeRequest;
import dev.ktx.ingest.core.window.SessionGates;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Final-window time on a 10,000-file context repo with a 50-file session, next to what the git CLI needs for
 * the same squash through a working tree ({@code git worktree add} + {@code git merge --squash} + commit).
 * Both sides start from the same state: a session branch with one 50-file commit on top of {@code main}.
 * Then the cost of merging by meaning: the window for a session whose 50 overlays {@code main} also changed
 * since it forked, next to one where {@code main} changed 50 other overlays ({@link OverlaySessions}).
 */
public final class FinalWindowBench {

    private static final int REPO_FILES = 10_000;
    private static final int SESSION_FILES = 50;
    // The merge-by-meaning path needs a few hundred files merged before the JIT has compiled it.
    private static final int WARMUP = 10;
    private static final int RUNS = 10;

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("ktx-bench");
        Path repoDir = work.resolve("context.git");
        BenchRepo.create(repoDir, REPO_FILES);
        System.out.printf("repo: %d files, session: %d files, %d warm-up + %d measured runs each%n",
                REPO_FILES, SESSION_FILES, WARMUP, RUNS);

        List<Double> jgit = new ArrayList<>();
        List<Double> cli = new ArrayList<>();
        List<Double> disjoint = new ArrayList<>();
        List<Double> merged = new ArrayList<>();
        try (LocalContextRepository repo = LocalContextRepository.open(repoDir)) {
            SessionGates gates = SessionGates.of(new FinalGates(), new ProvenanceGate());
            FinalWindow window = new FinalWindow(repo, new InProcessProjectLock(), gates, event -> { },
                    Clock.systemUTC(), FinalWindowSettings.DEFAULTS);
            for (int run = 0; run < WARMUP + RUNS; run++) {
                SessionId session = new SessionId("bench-" + run, "dbt");
                prepareSession(repo, session, run);
                double millis = timeWindow(window, session);
                SessionId apart = new SessionId("disjoint-" + run, "dbt");
                OverlaySessions.prepare(repo, apart, false);
                double apartMillis = timeWindow(window, apart);
                SessionId overlapping = new SessionId("merged-" + run, "dbt");
                OverlaySessions.prepare(repo, overlapping, true);
                double mergedMillis = timeWindow(window, overlapping);
                if (!repo.tree(repo.mainHead().orElseThrow()).readText(BenchRepo.overlayPath(0)).orElseThrow()
                        .contains("m_merged_" + run)) {
                    throw new IllegalStateException("the merged session did not keep main's measure");
                }
                if (run < WARMUP) {
                    continue;
                }
                jgit.add(millis);
                disjoint.add(apartMillis);
                merged.add(mergedMillis);
                SessionId cliSession = new SessionId("cli-" + run, "dbt");
                prepareSession(repo, cliSession, run);
                cli.add(GitCliSquash.time(repoDir, work.resolve("wt-" + run), cliSession));
            }
        }
        System.out.printf("final window (JGit, no working tree): median %.1f ms, min %.1f ms%n", median(jgit), Collections.min(jgit));
        System.out.printf("git CLI worktree add + merge --squash + commit: median %.1f ms, min %.1f ms%n", median(cli), Collections.min(cli));
        System.out.printf("final window, main changed %d other overlays: median %.1f ms, min %.1f ms%n",
                OverlaySessions.FILES, median(disjoint), Collections.min(disjoint));
        System.out.printf("final window, %d overlays merged by meaning: median %.1f ms, min %.1f ms (%.2fx the disjoint median)%n",
                OverlaySessions.FILES, median(merged), Collections.min(merged), median(merged) / median(disjoint));
        BenchRepo.deleteRecursively(work);
    }

    /** Milliseconds for one whole final window; the session must land. */
    private static double timeWindow(FinalWindow window, SessionId session) throws InterruptedException {
        long started = System.nanoTime();
        FinalizeOutcome outcome = window.finalizeSession(
                new FinalizeRequest("bench", session, Set.of(BenchRepo.CONNECTION), "bench " + session, Set.of()));
        double millis = (System.nanoTime() - started) / 1e6;
        if (!outcome.landed()) {
            throw new IllegalStateException("bench session " + session + " did not land: " + outcome);
        }
        return millis;
    }

    private static void prepareSession(LocalContextRepository repo, SessionId session, int run) {
        repo.openSession(session);
        Changeset.Builder changes = Changeset.builder();
        for (int i = 0; i < SESSION_FILES; i++) {
            String key = "bench-" + session.runId() + "-" + i;
            changes.write("wiki/global/" + key + ".md", BenchRepo.page(key, "page-" + (i * 97 % 1000)));
        }
        repo.commit(session, changes.build(), "bench session " + run);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
    }

    static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }
}
