package dev.ktx.ingest.core.git;

import static dev.ktx.ingest.core.git.TestRepo.writes;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several threads on one instance and a second instance on the same repository (as another JVM would be)
 * race to squash; compare-and-swap on main must lose no session.
 */
class ConcurrentSquashTest {

    private static final int SESSIONS = 8;

    @TempDir
    Path dir;

    @Test
    void racingSquashesAllLandOnMain() throws Exception {
        try (TestRepo repo = TestRepo.create(dir, TestRepo.Layout.BARE);
                LocalContextRepository other = LocalContextRepository.open(dir)) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<SquashResult>> results = new ArrayList<>();
            for (int i = 0; i < SESSIONS; i++) {
                ContextRepository context = i % 2 == 0 ? repo.context : other;
                SessionId id = new SessionId("run-1", "source-" + i);
                results.add(pool.submit(() -> {
                    start.await();
                    return ingestAndSquash(context, id);
                }));
            }
            start.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

            for (Future<SquashResult> result : results) {
                assertThat(result.get().status()).isEqualTo(SquashResult.Status.MERGED);
            }
            List<String> expectedFiles = new ArrayList<>(List.of("ktx.yaml"));
            for (int i = 0; i < SESSIONS; i++) {
                expectedFiles.add("wiki/global/source-" + i + ".md");
            }
            assertThat(repo.context.tree(repo.mainHead()).listFilesRecursive(""))
                    .containsExactlyInAnyOrderElementsOf(expectedFiles);
            assertThat(squashedSessions(repo)).hasSize(SESSIONS);
            assertThat(repo.context.sessions()).isEmpty();
        }
    }

    private static SquashResult ingestAndSquash(ContextRepository context, SessionId id) {
        context.openSession(id);
        context.commit(id, writes("wiki/global/" + id.connectionId() + ".md", id.toString()), "ingest");
        while (true) {
            String main = context.mainHead().orElseThrow();
            assertThat(context.refresh(id, main).isConflict()).isFalse();
            SquashResult result = context.squash(id, main, new SquashMetadata("ktx: " + id, OptionalLong.empty()));
            if (result.status() != SquashResult.Status.CAS_LOST) {
                return result;
            }
        }
    }

    /** Ktx-Session trailers along main's first-parent chain. */
    private static Set<String> squashedSessions(TestRepo repo) throws Exception {
        Set<String> sessions = new HashSet<>();
        RevCommit commit = repo.commit(repo.mainHead());
        while (commit.getParentCount() > 0) {
            sessions.addAll(commit.getFooterLines("Ktx-Session"));
            commit = repo.commit(commit.getParent(0).name());
        }
        return sessions;
    }
}
