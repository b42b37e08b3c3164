package dev.ktx.ingest.core.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.ktx.ingest.testinfra.RedisService;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

/** The Redisson fenced lock against a real Redis, with two clients standing in for two processes. */
class RedissonProjectLockIT {

    private static RedisService redis;
    private static RedissonClient first;
    private static RedissonClient second;
    /** Clients with a 1 s watchdog: a lock whose holder stops renewing it expires within a second. */
    private static RedissonClient shortFirst;

    private static RedissonClient shortSecond;

    @BeforeAll
    static void startRedis() {
        redis = RedisService.start();
        first = RedissonClients.create(redis.endpoint().uri(), Duration.ofSeconds(5));
        second = RedissonClients.create(redis.endpoint().uri(), Duration.ofSeconds(5));
        shortFirst = RedissonClients.create(redis.endpoint().uri(), Duration.ofSeconds(1));
        shortSecond = RedissonClients.create(redis.endpoint().uri(), Duration.ofSeconds(1));
    }

    @AfterAll
    static void stopRedis() {
        first.shutdown();
        second.shutdown();
        shortFirst.shutdown();
        shortSecond.shutdown();
        redis.close();
    }

    @Test
    void anotherClientWaitsForTheHolderAndGetsAHigherFencingToken() throws Exception {
        ProjectLock lockA = new RedissonProjectLock(first);
        ProjectLock lockB = new RedissonProjectLock(second);
        LockLease held = lockA.tryAcquire("acme-fence", Duration.ZERO).orElseThrow();

        Optional<Long> whileHeld = CompletableFuture.supplyAsync(
                        () -> tokenOf(lockB, "acme-fence", Duration.ofMillis(100)))
                .get();
        assertThat(whileHeld).isEmpty();

        held.close();
        Optional<Long> afterRelease = CompletableFuture.supplyAsync(
                        () -> tokenOf(lockB, "acme-fence", Duration.ofSeconds(5)))
                .get();
        assertThat(afterRelease).hasValueSatisfying(token -> assertThat(token).isGreaterThan(held.token()));
    }

    @Test
    void twoProjectsAreHeldAtOnceByTwoProcesses() throws Exception {
        ProjectLock lockA = new RedissonProjectLock(first);
        ProjectLock lockB = new RedissonProjectLock(second);
        try (LockLease acme = lockA.tryAcquire("acme-side", Duration.ZERO).orElseThrow()) {
            Optional<Long> globex = CompletableFuture.supplyAsync(() -> tokenOf(lockB, "globex-side", Duration.ZERO))
                    .get();

            assertThat(globex)
                    .as("the lock is per project: another project's window need not wait")
                    .isPresent();
            assertThat(acme.stillHeld()).isTrue();
        }
    }

    @Test
    void aLeaseWhoseLockWasTakenOverIsNoLongerHeldAndClosesQuietly() throws Exception {
        LockLease lost = new RedissonProjectLock(shortFirst)
                .tryAcquire("acme-lost", Duration.ZERO)
                .orElseThrow();
        assertThat(lost.stillHeld()).isTrue();

        // What a paused holder finds when it wakes up: its lock was freed and another process holds it now.
        assertThat(shortSecond.getFencedLock(ProjectLock.lockName("acme-lost")).forceUnlock())
                .isTrue();
        LockLease taker = CompletableFuture.supplyAsync(
                        () -> acquire(new RedissonProjectLock(shortSecond), "acme-lost"))
                .get();

        assertThat(lost.stillHeld()).isFalse();
        assertThatCode(lost::close).doesNotThrowAnyException();
        assertThat(taker.token()).isGreaterThan(lost.token());
        assertThat(CompletableFuture.supplyAsync(() -> {
                            boolean held = taker.stillHeld();
                            taker.close();
                            return held;
                        })
                        .get())
                .as("the new holder is unaffected by the old one's close")
                .isTrue();
    }

    @Test
    void aLiveLeaseIsStillHeldAfterSeveralWatchdogPeriods() throws Exception {
        try (LockLease lease = new RedissonProjectLock(shortFirst)
                .tryAcquire("acme-live", Duration.ZERO)
                .orElseThrow()) {
            Thread.sleep(3_500);

            assertThat(lease.stillHeld()).isTrue();
            assertThat(CompletableFuture.supplyAsync(
                                    () -> tokenOf(new RedissonProjectLock(shortSecond), "acme-live", Duration.ZERO))
                            .get())
                    .as("nobody else can take it")
                    .isEmpty();
        }
    }

    @Test
    void aSessionLockIsExclusiveAcrossClientsAndLeavesNoKeyBehind() throws Exception {
        String name = NamedLocks.sessionLockName("acme", new dev.ktx.ingest.core.git.SessionId("run-1", "docs"));
        NamedLocks mine = RedissonLocks.plain(first);
        NamedLocks theirs = RedissonLocks.plain(second);

        try (LockLease held = mine.tryAcquire(name, Duration.ZERO).orElseThrow()) {
            assertThat(held.stillHeld()).isTrue();
            assertThat(CompletableFuture.supplyAsync(() -> {
                                try {
                                    return theirs.tryAcquire(name, Duration.ofMillis(100))
                                            .isPresent();
                                } catch (InterruptedException e) {
                                    throw new IllegalStateException(e);
                                }
                            })
                            .get())
                    .isFalse();
        }
        assertThat(second.getKeys().countExists(name)).isZero();
    }

    @Test
    void theLockIsStoredUnderTheSpecName() throws Exception {
        try (LockLease ignored = new RedissonProjectLock(first)
                .tryAcquire("acme-name", Duration.ZERO)
                .orElseThrow()) {
            assertThat(second.getKeys().countExists("ktx:{acme-name}:config:repo"))
                    .isEqualTo(1);
        }
    }

    /** Acquires on the calling thread and keeps the lease open. */
    private static LockLease acquire(ProjectLock lock, String project) {
        try {
            return lock.tryAcquire(project, Duration.ofSeconds(5)).orElseThrow();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<Long> tokenOf(ProjectLock lock, String project, Duration wait) {
        try {
            Optional<LockLease> lease = lock.tryAcquire(project, wait);
            lease.ifPresent(LockLease::close);
            return lease.map(LockLease::token);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
