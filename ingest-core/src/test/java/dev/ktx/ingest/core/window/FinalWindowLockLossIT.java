package dev.ktx.ingest.core.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ktx.ingest.core.gate.FinalGates;
import dev.ktx.ingest.core.gate.ProvenanceGate;
import dev.ktx.ingest.core.git.Changeset;
import dev.ktx.ingest.core.git.LocalContextRepository;
import dev.ktx.ingest.core.git.SessionId;
import dev.ktx.ingest.core.lock.ProjectLock;
import dev.ktx.ingest.core.lock.RedissonClients;
import dev.ktx.ingest.core.lock.RedissonProjectLock;
import dev.ktx.ingest.core.trace.TraceEvents;
import dev.ktx.ingest.testinfra.RedisService;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redisson.api.RFencedLock;
import org.redisson.api.RedissonClient;

/**
 * A window whose lock is taken by another client while its gates run (a holder stopped past the watchdog looks the
 * same to Redis) proves before the compare-and-swap that it no longer holds the lock, and writes nothing.
 */
class FinalWindowLockLossIT {

    @TempDir
    Path dir;

    @Test
    void windowThatLostItsLockDuringSlowGatesWritesNothingAndLandsWhenTriedAgain() throws Exception {
        ContextRepos.initBare(dir.resolve("repo.git"), ContextRepos.page("home", List.of()));
        SessionId session = new SessionId("run-1", "analytics_dbt");
        RecordingTraceSink trace = new RecordingTraceSink();
        try (RedisService redis = RedisService.start();
                LocalContextRepository repo = LocalContextRepository.open(dir.resolve("repo.git"))) {
            RedissonClient holder = RedissonClients.create(redis.endpoint().uri(), Duration.ofSeconds(1));
            RedissonClient other = RedissonClients.create(redis.endpoint().uri(), Duration.ofSeconds(1));
            try {
                repo.openSession(session);
                repo.commit(
                        session,
                        Changeset.builder()
                                .write("wiki/global/metrics.md", ContextRepos.pageText("metrics", List.of("home")))
                                .build(),
                        "metrics");
                String mainBefore = repo.mainHead().orElseThrow();
                CountDownLatch gatesStarted = new CountDownLatch(1);
                CountDownLatch takenOver = new CountDownLatch(1);
                SessionGates slowGates = input -> {
                    gatesStarted.countDown();
                    await(takenOver);
                    sleep(Duration.ofSeconds(3)); // three watchdog periods: the holder's renewals must not win it back
                    return SessionGates.of(new FinalGates(), new ProvenanceGate())
                            .check(input);
                };
                FinalWindow window = new FinalWindow(
                        repo,
                        new RedissonProjectLock(holder),
                        slowGates,
                        trace,
                        Clock.systemUTC(),
                        new FinalWindowSettings(Duration.ofSeconds(30), 3));
                FinalizeRequest request =
                        new FinalizeRequest("acme", session, Set.of(), "ktx: ingest analytics_dbt", Set.of());

                CompletableFuture<FinalizeOutcome> first =
                        CompletableFuture.supplyAsync(() -> finalize(window, request));
                gatesStarted.await(30, TimeUnit.SECONDS);
                RFencedLock stolen = other.getFencedLock(ProjectLock.lockName(repo.identity()));
                stolen.forceUnlock();
                Long otherToken =
                        CompletableFuture.supplyAsync(stolen::lockAndGetToken).get(30, TimeUnit.SECONDS);
                takenOver.countDown();
                FinalizeOutcome lost = first.get(60, TimeUnit.SECONDS);

                assertThat(otherToken).isNotNull();
                assertThat(lost.status()).isEqualTo(FinalizeOutcome.Status.LOCK_LOST);
                assertThat(repo.mainHead()).contains(mainBefore);
                assertThat(repo.sessionHead(session)).isPresent();
                assertThat(repo.sentinels()).isEmpty();
                assertThat(trace.names()).contains(TraceEvents.FINAL_WINDOW_LOCK_LOST);

                stolen.forceUnlock();
                FinalWindow retried = new FinalWindow(
                        repo,
                        new RedissonProjectLock(holder),
                        SessionGates.of(new FinalGates(), new ProvenanceGate()),
                        trace,
                        Clock.systemUTC(),
                        new FinalWindowSettings(Duration.ofSeconds(30), 3));
                assertThat(retried.finalizeSession(request).status()).isEqualTo(FinalizeOutcome.Status.MERGED);
            } finally {
                holder.shutdown();
                other.shutdown();
            }
        }
    }

    private static FinalizeOutcome finalize(FinalWindow window, FinalizeRequest request) {
        try {
            return window.finalizeSession(request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
