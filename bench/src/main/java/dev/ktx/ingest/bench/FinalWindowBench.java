package dev.ktx.ingest.bench;

import dev.ktx.ingest.core.git.SessionId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Final-window time for a 50-page session on context repos of several sizes (default 10,000 and 100,000 files),
 * run by run interleaved so that the ratio between sizes is fair on a loaded machine. On the smallest repo, also
 * what the git CLI needs for the same squash through a working tree ({@code git worktree add} +
 * {@code git merge --squash} + commit), and the window for a session whose 50 overlays {@code main} also changed
 * since it forked, next to one where {@code main} changed 50 other overlays ({@link OverlaySessions}).
 * Arguments: repo sizes in files (optional).
 */
public final class FinalWindowBench {

    // The merge-by-meaning path needs a few hundred files merged before the JIT has compiled it.
    private static final int WARMUP = 10;
    private static final int RUNS = 10;

    public static void main(String[] args) throws Exception {
        int[] sizes = args.length == 0
                ? new int[] {10_000, 100_000}
                : Arrays.stream(args).mapToInt(Integer::parseInt).sorted().toArray();
        Path work = Files.createTempDirectory("ktx-bench");
        System.out.printf(
                "repos: %s files, session: %d pages, %d warm-up + %d measured runs each%n",
                Arrays.toString(sizes), BenchWindow.SESSION_PAGES, WARMUP, RUNS);
        List<BenchWindow> windows = new ArrayList<>();
        List<Timings> pages = new ArrayList<>();
        Timings cli = new Timings();
        Timings disjoint = new Timings();
        Timings merged = new Timings();
        try {
            for (int size : sizes) {
                windows.add(BenchWindow.create(work.resolve("context-" + size + ".git"), size));
                pages.add(new Timings());
            }
            BenchWindow smallest = windows.get(0);
            for (int run = 0; run < WARMUP + RUNS; run++) {
                boolean measured = run >= WARMUP;
                for (int i = 0; i < sizes.length; i++) {
                    SessionId session = new SessionId("bench-" + run, "dbt");
                    windows.get(i).preparePages(session);
                    double millis = windows.get(i).time(session);
                    if (measured) {
                        pages.get(i).add(millis);
                    }
                }
                SessionId apart = new SessionId("disjoint-" + run, "dbt");
                OverlaySessions.prepare(smallest.repo(), apart, false);
                double apartMillis = smallest.time(apart);
                SessionId overlapping = new SessionId("merged-" + run, "dbt");
                OverlaySessions.prepare(smallest.repo(), overlapping, true);
                double mergedMillis = smallest.time(overlapping);
                OverlaySessions.checkMerged(smallest.repo(), run);
                if (measured) {
                    disjoint.add(apartMillis);
                    merged.add(mergedMillis);
                    SessionId cliSession = new SessionId("cli-" + run, "dbt");
                    smallest.preparePages(cliSession);
                    cli.add(GitCliSquash.time(smallest.dir(), work.resolve("wt-" + run), cliSession));
                }
            }

            ResultTable table = new ResultTable("what", "median", "min");
            for (int i = 0; i < sizes.length; i++) {
                table.timings(
                        String.format("final window, %d pages, repo of %,d files", BenchWindow.SESSION_PAGES, sizes[i]),
                        pages.get(i));
            }
            for (int i = 1; i < sizes.length; i++) {
                table.row(
                        String.format("**%,d / %,d files (medians)** (goal ≤ 2×)", sizes[i], sizes[0]),
                        ResultTable.ratio(pages.get(i).median() / pages.get(0).median()),
                        "");
            }
            String small = String.format("%,d files", sizes[0]);
            table.timings("git CLI worktree add + merge --squash + commit, " + small, cli)
                    .timings(
                            String.format(
                                    "final window, main changed %d other overlays (disjoint), %s",
                                    OverlaySessions.FILES, small),
                            disjoint)
                    .timings(
                            String.format(
                                    "final window, %d overlays merged by meaning, %s", OverlaySessions.FILES, small),
                            merged)
                    .row(
                            "**merged / disjoint (medians)** (goal ≤ 2×)",
                            ResultTable.ratio(merged.median() / disjoint.median()),
                            "");
            table.print();
        } finally {
            windows.forEach(BenchWindow::close);
            BenchRepo.deleteRecursively(work);
        }
    }
}
