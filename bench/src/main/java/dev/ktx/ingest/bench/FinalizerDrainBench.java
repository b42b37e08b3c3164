package dev.ktx.ingest.bench;

import dev.ktx.ingest.core.git.SessionId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finalizer throughput: {@link #SESSIONS} sessions of 50 pages, all forked from the same {@code main} (ready at
 * once), drained one after the other through one final window and one project lock, as one finalizer consumer does;
 * next to the median of single windows (a session forked from the current {@code main}) measured in the same run,
 * round by round. Every session after the first of a drain must refresh from a {@code main} that moved since it forked.
 */
public final class FinalizerDrainBench {

    private static final int REPO_FILES = 10_000;
    private static final int SESSIONS = 50;
    private static final int WARMUP = 10;
    private static final int SINGLES_PER_ROUND = 10;
    private static final int ROUNDS = 3;

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("ktx-bench");
        System.out.printf(
                "repo: %,d files, %d sessions of %d pages per drain, %d warm-up windows, %d rounds of %d single windows + one drain%n",
                REPO_FILES, SESSIONS, BenchWindow.SESSION_PAGES, WARMUP, ROUNDS, SINGLES_PER_ROUND);
        Timings singles = new Timings();
        List<Double> drains = new ArrayList<>();
        List<Double> roundMedians = new ArrayList<>();
        try (BenchWindow bench = BenchWindow.create(work.resolve("context.git"), REPO_FILES)) {
            for (int i = 0; i < WARMUP; i++) {
                single(bench, "warmup-" + i);
            }
            for (int round = 0; round < ROUNDS; round++) {
                Timings roundSingles = new Timings();
                for (int i = 0; i < SINGLES_PER_ROUND; i++) {
                    double millis = single(bench, "single-" + round + "-" + i);
                    roundSingles.add(millis);
                    singles.add(millis);
                }
                roundMedians.add(roundSingles.median());
                drains.add(drain(bench, round));
            }

            ResultTable table = new ResultTable(
                    "round",
                    "single window, median",
                    String.format("drain of %d sessions", SESSIONS),
                    String.format("drain / (%d × single median)", SESSIONS));
            for (int round = 0; round < ROUNDS; round++) {
                table.row(
                        Integer.toString(round + 1),
                        ResultTable.ms(roundMedians.get(round)),
                        ResultTable.ms(drains.get(round)),
                        ResultTable.ratio(drains.get(round) / (SESSIONS * roundMedians.get(round))));
            }
            double drainMedian = drains.stream().sorted().toList().get(ROUNDS / 2);
            table.row(
                    "**all**",
                    ResultTable.ms(singles.median()),
                    ResultTable.ms(drainMedian) + " (median)",
                    "**" + ResultTable.ratio(drainMedian / (SESSIONS * singles.median())) + "** (goal ≤ 1.2×)");
            table.print();
        } finally {
            BenchRepo.deleteRecursively(work);
        }
    }

    private static double single(BenchWindow bench, String runId) throws InterruptedException {
        SessionId session = new SessionId(runId, "dbt");
        bench.preparePages(session);
        return bench.time(session);
    }

    /** Milliseconds from the first window's start to the last one's end. */
    private static double drain(BenchWindow bench, int round) throws InterruptedException {
        List<SessionId> ready = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            SessionId session = new SessionId("drain-" + round + "-" + i, "dbt");
            bench.preparePages(session);
            ready.add(session);
        }
        long started = System.nanoTime();
        for (SessionId session : ready) {
            bench.time(session);
        }
        return Timings.since(started);
    }
}
