package dev.ktx.ingest.core.lock;

import dev.ktx.ingest.testinfra.RedisService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** The Redisson fenced lock against a real Redis, with two clients standing in for two processes. */
class RedissonProjectLockIT {

    private static RedisService redis;
    private static RedissonClient first;
    private static RedissonClient second;

    @BeforeAll
    static void startRedis() {
        redis = RedisService.start();
        first = RedissonClients.create(redis.endpoint().uri(), Duration.ofSeconds(5));
        second = RedissonClients.create(redis.endpoint().uri(), Duration.ofSeconds(5));
    }

    @AfterAll
    static void stopRedis() {
        first.shutdown();
        second.shutdown();
        redis.close();
    }

    @Test
    void anotherClientWaitsForTheHolderAndGetsAHigherFencingToken() throws Exception {
        ProjectLock lockA = new RedissonProjectLock(first);
        ProjectLock lockB = new RedissonProjectLock(second);
        LockLease held = lockA.tryAcquire("acme-fence", Duration.ZERO).orElseThrow();

        Optional<Long> whileHeld = CompletableFuture.supplyAsync(() -> tokenOf(lockB, "acme-fence", Duration.ofMillis(100))).get();
        assertThat(whileHeld).isEmpty();

        held.close();
        Optional<Long> afterRelease = CompletableFuture.supplyAsync(() -> tokenOf(lockB, "acme-fence", Duration.ofSeconds(5))).get();
        assertThat(afterRelease).hasValueSatisfying(token -> assertThat(token).isGreaterThan(held.token()));
    }

    @Test
    void theLockIsStoredUnderTheSpecName() throws Exception {
        try (LockLease ignored = new RedissonProjectLock(first).tryAcquire("acme-name", Duration.ZERO).orElseThrow()) {
            assertThat(second.getKeys().countExists("ktx:{acme-name}:config:repo")).isEqualTo(1);
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
