package dev.ktx.ingest.core.git;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Many threads sharing one {@link LocalContextRepository}, each cycling sessions of the same run through open,
 * commit, sentinel and delete, so that loose refs are created and deleted next to each other all the time. The
 * last session of each thread is kept (with its sentinel) to show that no ref was lost on the way. Used in-process
 * and as the main class of a second JVM by {@link RefConcurrencyIT}. Args: repoDir runId writer threads cycles.
 */
public final class SessionChurn {

    private static final int SESSIONS_PER_THREAD = 1;

    private SessionChurn() {}

    /** Runs every thread to the end; returns the failures (empty when every update went through). */
    static List<Throwable> run(Path repoDir, String runId, String writer, int threads, int cycles) throws Exception {
        List<Throwable> failures = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (LocalContextRepository repo = LocalContextRepository.open(repoDir)) {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String prefix = writer + "-t" + t;
                running.add(pool.submit(() -> {
                    churn(repo, runId, prefix, cycles);
                    return null;
                }));
            }
            for (Future<?> future : running) {
                try {
                    future.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    failures.add(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return failures;
    }

    /** The sessions a writer's threads keep at the end. */
    static List<SessionId> kept(String runId, String writer, int threads, int cycles) {
        List<SessionId> kept = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            kept.add(session(runId, writer + "-t" + t, cycles - 1));
        }
        return kept;
    }

    private static void churn(LocalContextRepository repo, String runId, String prefix, int cycles) {
        for (int i = 0; i < cycles; i++) {
            SessionId id = session(runId, prefix, i);
            repo.openSession(id);
            String page = "wiki/global/" + id.connectionId() + ".md";
            repo.commit(
                    id,
                    Changeset.builder()
                            .write(page, ("cycle " + i + "\n").getBytes(StandardCharsets.UTF_8))
                            .build(),
                    "cycle " + i);
            repo.writeSentinel(id, new Sentinel(Sentinel.Outcome.crash, Instant.now(), null, List.of(), "cycle " + i));
            if (i < cycles - 1) {
                repo.deleteSession(id);
            }
        }
    }

    private static SessionId session(String runId, String prefix, int cycle) {
        return new SessionId(runId, prefix + "-s" + (cycle % SESSIONS_PER_THREAD));
    }

    public static void main(String[] args) throws Exception {
        Path repoDir = Path.of(args[0]);
        Path signals = Path.of(args[1]);
        Files.createFile(signals.resolve("ready-" + args[3]));
        Path go = signals.resolve("go");
        long deadline = System.currentTimeMillis() + 60_000;
        while (!Files.exists(go)) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("no start signal " + go);
            }
            Thread.sleep(5);
        }
        List<Throwable> failures = run(repoDir, args[2], args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]));
        failures.forEach(Throwable::printStackTrace);
        System.exit(failures.isEmpty() ? 0 : 1);
    }
}
