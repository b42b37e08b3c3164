package dev.ktx.ingest.bench;

import dev.ktx.ingest.core.git.SessionId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finalizer throughput: {@link #SESSIONS} sessions of 50 pages, all forked from the same {@code main} (ready at
 * once), drained through one final window and one project lock as one finalizer does: in batches of
 * {@link #BATCH} (its {@code KTX_FINALIZER_CONCURRENCY} requests in hand, landed in turn in one hold of the lock),
 * and, for comparison, one window per session; next to the median of single windows (a session forked from the
 * current {@code main}) measured in the same run, round by round. Every session of a drain but the first batch must
 * refresh from a {@code main} that moved since it forked.
 */
public final class FinalizerDrainBench {

    private static final int REPO_FILES = 10_000;
    private static final int SESSIONS = 50;
    private static final int WARMUP = 10;
    private static final int SINGLES_PER_ROUND = 10;
    private static final int ROUNDS = 3;
    private static final int BATCH = 8;

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("ktx-bench");
        System.out.printf(
                "repo: %,d files, %d sessions of %d pages per drain, %d warm-up windows, %d rounds of %d single windows + one drain%n",
                REPO_FILES, SESSIONS, BenchWindow.SESSION_PAGES, WARMUP, ROUNDS, SINGLES_PER_ROUND);
        Timings singles = new Timings();
        List<Double> drains = new ArrayList<>();
        List<Double> oneByOne = new ArrayList<>();
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
                drains.add(drain(bench, "drain-" + round, BATCH));
                oneByOne.add(drain(bench, "one-by-one-" + round, 1));
            }

            ResultTable table = new ResultTable(
                    "round",
                    "single window, median",
                    String.format("drain of %d sessions, batches of %d", SESSIONS, BATCH),
                    String.format("drain / (%d × single median)", SESSIONS),
                    "drain, one window each",
                    String.format("one window each / (%d × single median)", SESSIONS));
            for (int round = 0; round < ROUNDS; round++) {
                double bound = SESSIONS * roundMedians.get(round);
                table.row(
                        Integer.toString(round + 1),
                        ResultTable.ms(roundMedians.get(round)),
                        ResultTable.ms(drains.get(round)),
                        ResultTable.ratio(drains.get(round) / bound),
                        ResultTable.ms(oneByOne.get(round)),
                        ResultTable.ratio(oneByOne.get(round) / bound));
            }
            double drainMedian = drains.stream().sorted().toList().get(ROUNDS / 2);
            double oneByOneMedian = oneByOne.stream().sorted().toList().get(ROUNDS / 2);
            double bound = SESSIONS * singles.median();
            table.row(
                    "**all**",
                    ResultTable.ms(singles.median()),
                    ResultTable.ms(drainMedian) + " (median)",
                    "**" + ResultTable.ratio(drainMedian / bound) + "** (goal ≤ 1.2×)",
                    ResultTable.ms(oneByOneMedian) + " (median)",
                    ResultTable.ratio(oneByOneMedian / bound));
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

    /** Milliseconds from the first window's start to the last one's end, {@code batch} sessions per window. */
    private static double drain(BenchWindow bench, String runPrefix, int batch) throws InterruptedException {
        List<SessionId> ready = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            SessionId session = new SessionId(runPrefix + "-" + i, "dbt");
            bench.preparePages(session);
            ready.add(session);
        }
        long started = System.nanoTime();
        for (int from = 0; from < SESSIONS; from += batch) {
            bench.timeInTurn(ready.subList(from, Math.min(SESSIONS, from + batch)));
        }
        return Timings.since(started);
    }
}
