package dev.ktx.ingest.core.source;

import dev.ktx.ingest.core.repo.RepoTree;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs the work units of one source run on a bounded pool; results come back in unit-id order. */
final class WorkUnitExecutor {

    /** One unit's output, tagged with its id for integration and error messages. */
    record UnitResult(String unitId, UnitOutput output) {}

    private final int maxConcurrency;

    WorkUnitExecutor(int maxConcurrency) {
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("work-unit concurrency must be at least 1, got " + maxConcurrency);
        }
        this.maxConcurrency = maxConcurrency;
    }

    /** @throws IllegalStateException {@code work unit <id> failed: <why>}, or on duplicate unit ids */
    List<UnitResult> runAll(List<WorkUnit> units, StagedSnapshot snapshot, RepoTree base) throws InterruptedException {
        List<WorkUnit> ordered =
                units.stream().sorted(Comparator.comparing(WorkUnit::id)).toList();
        for (int i = 1; i < ordered.size(); i++) {
            if (ordered.get(i).id().equals(ordered.get(i - 1).id())) {
                throw new IllegalStateException(
                        "two work units have the id " + ordered.get(i).id());
            }
        }
        if (ordered.isEmpty()) {
            return List.of();
        }
        List<Callable<UnitOutput>> tasks = ordered.stream()
                .<Callable<UnitOutput>>map(unit -> () -> unit.run(snapshot, base))
                .toList();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(maxConcurrency, ordered.size()), threads());
        try {
            List<Future<UnitOutput>> futures = pool.invokeAll(tasks);
            List<UnitResult> results = new ArrayList<>();
            for (int i = 0; i < ordered.size(); i++) {
                results.add(new UnitResult(ordered.get(i).id(), outputOf(ordered.get(i), futures.get(i))));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static UnitOutput outputOf(WorkUnit unit, Future<UnitOutput> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            throw new IllegalStateException("work unit " + unit.id() + " failed: " + why, cause);
        }
    }

    private static ThreadFactory threads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "source-work-unit-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
