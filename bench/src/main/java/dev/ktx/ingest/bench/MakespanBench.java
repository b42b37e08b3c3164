package dev.ktx.ingest.bench;

import dev.ktx.ingest.testinfra.PostgresEndpoint;
import dev.ktx.ingest.testinfra.PostgresService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's makespan through the local stack against its lower bound {@code LB = D_db + max(max d_i, Σ d_i / C) + w}
 * (issue 12, item 1). The project ({@link SourcesProject}) has one database target on a generated warehouse
 * ({@link GeneratedWarehouse}, on a private PostgreSQL) and N sources of known, unequal sizes. Each round first runs
 * every target alone ({@code ktx ingest <id>}: its solo time {@code D_db}, {@code d_i} = target_started → its last
 * trace event), then the whole project ({@code ktx ingest --all}) once per cap C ({@code ingest.sources.maxConcurrency});
 * {@code w} is the median final window of the solo runs. Before every run each snapshot changes, so every run
 * does the same work. Reports makespan / LB per C and the per-target overhead (wall time in the whole run minus
 * the solo median) p50/p95, where the whole run's time goes, and the database target alone against
 * {@code pg_dump --schema-only} of its warehouse timed right after it in each round (issue 12, item 2).
 * Arguments: {@code [--sources N] [--caps 1,4,8] [--rounds R]} (defaults 12, 1,4,8, 2).
 */
public final class MakespanBench {

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int sources = Integer.parseInt(options.getOrDefault("--sources", "12"));
        int[] caps = Arrays.stream(options.getOrDefault("--caps", "1,4,8").split(","))
                .mapToInt(Integer::parseInt)
                .toArray();
        int rounds = Integer.parseInt(options.getOrDefault("--rounds", "2"));
        int workerSlots = Arrays.stream(caps).max().orElseThrow();
        Path work = Files.createTempDirectory("ktx-bench").toRealPath();
        try (PostgresService server = PostgresService.start()) {
            PostgresEndpoint warehouse = server.createDatabase();
            GeneratedWarehouse.create(warehouse.jdbcUrl());
            SourcesProject project = SourcesProject.create(work, sources);
            System.out.printf(
                    "%s, warehouse %d tables; caps %s; %d rounds (1 warm-up run first); "
                            + "one source worker with KTX_SOURCE_CONCURRENCY=%d%n",
                    project.describe(),
                    GeneratedWarehouse.SCHEMAS * GeneratedWarehouse.TABLES_PER_SCHEMA,
                    Arrays.toString(caps),
                    rounds,
                    workerSlots);
            try (BenchStack stack = BenchStack.up(work, project.stackSettings(warehouse, workerSlots))) {
                MakespanRuns runs = new MakespanRuns(stack, project, warehouse);
                runs.whole(workerSlots); // warm-up: JIT, consumer groups, the first scan of the warehouse
                for (int round = 0; round < rounds; round++) {
                    runs.solo();
                    for (int cap : caps) {
                        runs.whole(cap);
                    }
                    System.out.printf("round %d done%n", round + 1);
                }
                runs.report(caps);
            }
        } finally {
            BenchRepo.deleteRecursively(work);
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!List.of("--sources", "--caps", "--rounds").contains(args[i])) {
                throw new IllegalArgumentException(
                        "unknown option " + args[i] + "; expected --sources N, --caps 1,4,8, --rounds R");
            }
            options.put(args[i], args[i + 1]);
        }
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("option " + args[args.length - 1] + " has no value");
        }
        return options;
    }

    /** The runs of one bench and what they measured. */
    private static final class MakespanRuns {

        private static final String DATABASE = "warehouse";

        private final BenchStack stack;
        private final SourcesProject project;
        private final PostgresEndpoint warehouse;
        private final Timings pgDumps = new Timings();
        private final Map<String, Timings> solo = new LinkedHashMap<>();
        private final Map<String, Timings> soloJobs = new LinkedHashMap<>();
        private final Timings soloWindows = new Timings();
        private List<String> databaseTimeline = List.of();
        private final Map<Integer, Timings> makespans = new LinkedHashMap<>();
        private final Map<Integer, List<Double>> overheads = new LinkedHashMap<>();
        private final Map<Integer, List<RunTrace>> traces = new LinkedHashMap<>();
        private int runs;

        MakespanRuns(BenchStack stack, SourcesProject project, PostgresEndpoint warehouse) {
            this.stack = stack;
            this.project = project;
            this.warehouse = warehouse;
        }

        void solo() throws Exception {
            List<String> targets = new ArrayList<>(project.sources());
            targets.add(0, DATABASE);
            for (String target : targets) {
                RunTrace trace = run(target);
                solo.computeIfAbsent(target, t -> new Timings()).add(trace.targetWall(target));
                soloJobs.computeIfAbsent(target, t -> new Timings()).add(trace.job(target));
                trace.windows().forEach(soloWindows::add);
                if (target.equals(DATABASE)) {
                    databaseTimeline = trace.timeline(DATABASE);
                }
            }
            pgDumps.add(PgDump.time(warehouse));
        }

        void whole(int cap) throws Exception {
            project.setMaxConcurrency(cap);
            RunTrace trace = run("--all");
            if (solo.isEmpty()) {
                return; // the warm-up run
            }
            makespans.computeIfAbsent(cap, c -> new Timings()).add(trace.makespan());
            traces.computeIfAbsent(cap, c -> new ArrayList<>()).add(trace);
        }

        private RunTrace run(String what) throws Exception {
            project.changeSnapshots("run " + ++runs);
            return new RunTrace(stack.trace(stack.ingest(project.dir(), what)));
        }

        void report(int[] caps) {
            double database = solo.get(DATABASE).median();
            double window = soloWindows.median();
            List<Double> sources =
                    project.sources().stream().map(s -> solo.get(s).median()).toList();
            double largest =
                    sources.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            double sum = sources.stream().mapToDouble(Double::doubleValue).sum();
            List<Double> jobs = project.sources().stream()
                    .map(s -> soloJobs.get(s).median())
                    .toList();
            double largestJob =
                    jobs.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            double sumJobs = jobs.stream().mapToDouble(Double::doubleValue).sum();
            System.out.printf(
                    "solo medians: D_db %.0f ms, Σ d_i %.0f ms, max d_i %.0f ms, w %.0f ms (%d windows); "
                            + "jobs alone (target_started → target_finished): Σ %.0f ms, max %.0f ms%n",
                    database, sum, largest, window, soloWindows.count(), sumJobs, largestJob);
            ResultTable table = new ResultTable(
                    "C",
                    "LB",
                    "makespan (median)",
                    "makespan / LB",
                    "LB of the jobs alone",
                    "makespan / it",
                    "overhead p50",
                    "overhead p95",
                    "runs");
            ResultTable where = new ResultTable(
                    "C",
                    "run start → D_db start",
                    "D_db end → first source start",
                    "target_finished → final_window_entered (p50)",
                    "final window (p50)",
                    "Σ final windows (median)",
                    "last squash → run_finished");
            for (int cap : caps) {
                double bound = database + Math.max(largest, sum / cap) + window;
                // the same bound with d_i = the job alone: each window but the last overlaps other jobs
                double jobBound = database + Math.max(largestJob, sumJobs / cap) + window;
                List<Double> overhead = new ArrayList<>();
                Timings toDatabase = new Timings();
                Timings barrier = new Timings();
                Timings handOff = new Timings();
                Timings windows = new Timings();
                Timings windowSums = new Timings();
                Timings tail = new Timings();
                for (RunTrace trace : traces.get(cap)) {
                    double lastEnd = 0;
                    double firstSource = Double.MAX_VALUE;
                    for (String source : project.sources()) {
                        overhead.add(trace.targetWall(source) - solo.get(source).median());
                        handOff.add(trace.handOff(source));
                        lastEnd = Math.max(lastEnd, trace.started(source) + trace.targetWall(source));
                        firstSource = Math.min(firstSource, trace.started(source));
                    }
                    trace.windows().forEach(windows::add);
                    windowSums.add(trace.windows().stream()
                            .mapToDouble(Double::doubleValue)
                            .sum());
                    toDatabase.add(trace.started(DATABASE));
                    barrier.add(firstSource - trace.started(DATABASE) - trace.targetWall(DATABASE));
                    tail.add(trace.makespan() - lastEnd);
                }
                Timings makespan = makespans.get(cap);
                table.row(
                        Integer.toString(cap),
                        ResultTable.ms(bound),
                        ResultTable.ms(makespan.median()),
                        ResultTable.ratio(makespan.median() / bound),
                        ResultTable.ms(jobBound),
                        ResultTable.ratio(makespan.median() / jobBound),
                        ResultTable.ms(percentile(overhead, 0.5)),
                        ResultTable.ms(percentile(overhead, 0.95)),
                        Integer.toString(makespan.count()));
                where.row(
                        Integer.toString(cap),
                        ResultTable.ms(toDatabase.median()),
                        ResultTable.ms(barrier.median()),
                        ResultTable.ms(handOff.median()),
                        ResultTable.ms(windows.median()),
                        ResultTable.ms(windowSums.median()),
                        ResultTable.ms(tail.median()));
            }
            table.print();
            System.out.println();
            where.print();
            System.out.println();
            ResultTable scan = new ResultTable("what", "median", "runs");
            scan.row(
                    "database target alone, through the stack (D_db)",
                    ResultTable.ms(database),
                    Integer.toString(solo.get(DATABASE).count()));
            scan.row(
                    "`pg_dump --schema-only` of its warehouse",
                    ResultTable.ms(pgDumps.median()),
                    Integer.toString(pgDumps.count()));
            scan.row("D_db / pg_dump (goal ≤ 3×)", ResultTable.ratio(database / pgDumps.median()), "");
            scan.print();
            System.out.println("the database target's last solo run, ms from its target_started: "
                    + String.join(", ", databaseTimeline));
        }

        private static double percentile(List<Double> values, double p) {
            List<Double> sorted = values.stream().sorted().toList();
            return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
        }
    }
}
