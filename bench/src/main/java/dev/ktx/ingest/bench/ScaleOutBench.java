package dev.ktx.ingest.bench;

import dev.ktx.ingest.testinfra.PostgresEndpoint;
import dev.ktx.ingest.testinfra.PostgresService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Scale-out of the source workers (issue 12, item 4): the whole run of a project of 48 sources
 * ({@link SourcesProject}, cap {@code maxConcurrency} = {@link #CAP}) on one source worker, then on three
 * ({@code KTX_SOURCE_CONCURRENCY} = {@link #SLOTS} each; the two extra ones are more {@code source-ingest-service}
 * processes on the same stack). Reports the makespan ratio and, from each run's trace, the most source jobs in
 * flight at once (target_started → target_finished), which must never exceed the cap; beside them, when the last
 * source job finished, the sum of the run's final windows (the finalizer serializes them per project) and the mean
 * number of jobs in flight while sources ran (how full the cap was kept).
 * Arguments: {@code [sources] [runs]} (defaults 48 and 2; one warm-up run per configuration comes first).
 */
public final class ScaleOutBench {

    private static final int SLOTS = 4;
    private static final int WORKERS = 3;
    private static final int CAP = SLOTS * WORKERS;

    public static void main(String[] args) throws Exception {
        int sources = args.length > 0 ? Integer.parseInt(args[0]) : 48;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Path work = Files.createTempDirectory("ktx-bench").toRealPath();
        try (PostgresService server = PostgresService.start()) {
            PostgresEndpoint warehouse = server.createDatabase();
            GeneratedWarehouse.create(warehouse.jdbcUrl());
            SourcesProject project = SourcesProject.create(work, sources);
            project.setMaxConcurrency(CAP);
            System.out.printf(
                    "%s, cap %d, %d slots per worker; 1 warm-up + %d measured runs per configuration%n",
                    project.describe(), CAP, SLOTS, runs);
            try (BenchStack stack = BenchStack.up(work, project.stackSettings(warehouse, SLOTS))) {
                ResultTable table = new ResultTable(
                        "source workers",
                        "makespan (median)",
                        "makespan (min)",
                        "first source job started (median)",
                        "last source job finished (median)",
                        "Σ final windows (median)",
                        "most jobs in flight (max over runs)",
                        "jobs in flight, mean (median)",
                        "cap");
                Timings one = measure(stack, project, runs, 1, table);
                for (int extra = 1; extra < WORKERS; extra++) {
                    stack.addSourceWorker(Map.of());
                }
                Timings three = measure(stack, project, runs, WORKERS, table);
                table.row(
                        "**one / three (medians)** (goal ≥ 2.4×)",
                        ResultTable.ratio(one.median() / three.median()),
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "");
                table.print();
            }
        } finally {
            BenchRepo.deleteRecursively(work);
        }
    }

    private static Timings measure(BenchStack stack, SourcesProject project, int runs, int workers, ResultTable table)
            throws Exception {
        Timings makespans = new Timings();
        Timings firstJobs = new Timings();
        Timings lastJobs = new Timings();
        Timings windowSums = new Timings();
        Timings meanInFlight = new Timings();
        int most = 0;
        for (int run = 0; run <= runs; run++) {
            project.changeSnapshots(workers + " workers, run " + run);
            RunTrace trace = new RunTrace(stack.trace(stack.ingest(project.dir(), "--all")));
            if (run > 0) { // the first run warms up (and lets the consumer group settle on new workers)
                makespans.add(trace.makespan());
                firstJobs.add(project.sources().stream()
                        .mapToDouble(trace::started)
                        .min()
                        .orElseThrow());
                lastJobs.add(project.sources().stream()
                        .mapToDouble(s -> trace.started(s) + trace.job(s))
                        .max()
                        .orElseThrow());
                windowSums.add(trace.windows().stream()
                        .mapToDouble(Double::doubleValue)
                        .sum());
                most = Math.max(most, trace.mostInFlight(project.sources()));
                meanInFlight.add(trace.meanInFlight(project.sources()));
            }
        }
        table.row(
                Integer.toString(workers),
                ResultTable.ms(makespans.median()),
                ResultTable.ms(makespans.min()),
                ResultTable.ms(firstJobs.median()),
                ResultTable.ms(lastJobs.median()),
                ResultTable.ms(windowSums.median()),
                Integer.toString(most),
                String.format("%.1f", meanInFlight.median()),
                most <= CAP ? CAP + " (held)" : CAP + " (**exceeded**)");
        return makespans;
    }
}
