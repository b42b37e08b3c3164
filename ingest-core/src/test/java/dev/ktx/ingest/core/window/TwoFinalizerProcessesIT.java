package dev.ktx.ingest.core.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ktx.ingest.core.git.Changeset;
import dev.ktx.ingest.core.git.LocalContextRepository;
import dev.ktx.ingest.core.git.SessionId;
import dev.ktx.ingest.core.trace.TraceEvent;
import dev.ktx.ingest.core.trace.TraceEvents;
import dev.ktx.ingest.core.trace.TraceJson;
import dev.ktx.ingest.testinfra.RedisService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed scenario: final windows of two finalizer processes on one repo and one real Redis never overlap, although
 * the processes name the repository differently (a symlink) and under two project ids: the lock is keyed by the
 * repository's identity.
 */
class TwoFinalizerProcessesIT {

    private static final int SESSIONS_PER_PROCESS = 3;

    @TempDir
    Path dir;

    @Test
    void windowsOfTwoJvmsAlternateAndEverySessionLands() throws Exception {
        Path repoDir = dir.resolve("context.git");
        Path traceFile = dir.resolve("trace.jsonl");
        ContextRepos.initBare(repoDir, ContextRepos.page("home", List.of()));
        List<SessionId> first = sessions("run-a");
        List<SessionId> second = sessions("run-b");
        try (LocalContextRepository repo = LocalContextRepository.open(repoDir)) {
            for (SessionId session : concat(first, second)) {
                repo.openSession(session);
                String key = "page-" + session.runId() + "-" + session.connectionId();
                repo.commit(
                        session,
                        Changeset.builder()
                                .write("wiki/global/" + key + ".md", ContextRepos.pageText(key, List.of("home")))
                                .build(),
                        "ingest");
            }
        }

        try (RedisService redis = RedisService.start()) {
            Path alias = Files.createSymbolicLink(dir.resolve("alias.git"), repoDir);
            Process a = launch(repoDir, "acme", redis.endpoint().uri(), traceFile, first);
            Process b = launch(alias, "acme-alias", redis.endpoint().uri(), traceFile, second);
            awaitBothReady(a, b);
            Files.createFile(Path.of(traceFile + ".go"));
            assertThat(a.waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(b.waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(a.exitValue()).as(output("run-a")).isZero();
            assertThat(b.exitValue()).as(output("run-b")).isZero();
        }

        List<TraceEvent> windowEvents = Files.readAllLines(traceFile).stream()
                .map(TraceJson::fromLine)
                .filter(e -> e.event().equals(TraceEvents.FINAL_WINDOW_ENTERED)
                        || e.event().equals(TraceEvents.FINAL_WINDOW_LEFT))
                .toList();
        assertThat(windowEvents).hasSize(4 * SESSIONS_PER_PROCESS);
        for (int i = 0; i < windowEvents.size(); i += 2) {
            TraceEvent entered = windowEvents.get(i);
            TraceEvent left = windowEvents.get(i + 1);
            assertThat(entered.event()).as("event %d", i).isEqualTo(TraceEvents.FINAL_WINDOW_ENTERED);
            assertThat(left.event()).as("event %d", i + 1).isEqualTo(TraceEvents.FINAL_WINDOW_LEFT);
            assertThat(left.runId() + left.connectionId()).isEqualTo(entered.runId() + entered.connectionId());
        }
        assertThat(windowEvents.stream().map(TraceEvent::runId).distinct()).containsExactlyInAnyOrder("run-a", "run-b");
        assertThat(windowEvents)
                .as("the processes contended for the lock")
                .anySatisfy(e -> assertThat(((Number) e.data().getOrDefault("lockWaitMs", 0)).longValue())
                        .isPositive());

        try (Git git = Git.open(repoDir.toFile())) {
            List<String> trailers = new ArrayList<>();
            for (RevCommit commit : git.log().call()) {
                trailers.addAll(commit.getFooterLines("Ktx-Session"));
            }
            assertThat(trailers)
                    .containsExactlyInAnyOrderElementsOf(concat(first, second).stream()
                            .map(SessionId::toString)
                            .toList());
        }
        try (LocalContextRepository repo = LocalContextRepository.open(repoDir)) {
            assertThat(repo.sessions()).isEmpty();
        }
    }

    private void awaitBothReady(Process a, Process b) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (readyCount() < 2) {
            assertThat(a.isAlive() && b.isAlive())
                    .as("finalizer processes alive while starting")
                    .isTrue();
            assertThat(System.currentTimeMillis()).as("both finalizers ready").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private long readyCount() throws Exception {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("trace.jsonl.ready-"))
                    .count();
        }
    }

    private static List<SessionId> sessions(String runId) {
        return IntStream.range(0, SESSIONS_PER_PROCESS)
                .mapToObj(i -> new SessionId(runId, "source" + i))
                .toList();
    }

    private static List<SessionId> concat(List<SessionId> a, List<SessionId> b) {
        List<SessionId> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private Process launch(Path repoDir, String projectId, String redisUri, Path traceFile, List<SessionId> sessions)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "-Duser.home=" + dir.resolve("home"),
                FinalizerProcess.class.getName(),
                repoDir.toString(),
                redisUri,
                traceFile.toString(),
                "150",
                projectId));
        sessions.forEach(s -> command.add(s.toString()));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(sessions.get(0).runId() + ".out").toFile())
                .start();
    }

    private String output(String runId) throws Exception {
        return Files.readString(dir.resolve(runId + ".out"));
    }
}
