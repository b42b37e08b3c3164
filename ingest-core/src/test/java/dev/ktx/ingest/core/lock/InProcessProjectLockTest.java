package dev.ktx.ingest.core.lock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class InProcessProjectLockTest {

    private final InProcessProjectLock lock = new InProcessProjectLock();

    @Test
    void secondHolderWaitsUntilTheFirstReleasesAndGetsAHigherToken() throws Exception {
        LockLease first = lock.tryAcquire("acme", Duration.ZERO).orElseThrow();

        Optional<LockLease> contended = CompletableFuture.supplyAsync(() -> acquire("acme", Duration.ofMillis(50)))
                .get();
        assertThat(contended).isEmpty();

        first.close();
        long secondToken = CompletableFuture.supplyAsync(() -> {
                    try (LockLease second =
                            acquire("acme", Duration.ofSeconds(5)).orElseThrow()) {
                        return second.token();
                    }
                })
                .get();
        assertThat(secondToken).isGreaterThan(first.token());
    }

    @Test
    void aLeaseIsStillHeldUntilItIsClosed() throws Exception {
        LockLease lease = lock.tryAcquire("acme", Duration.ZERO).orElseThrow();
        assertThat(lease.stillHeld()).isTrue();

        lease.close();

        assertThat(lease.stillHeld()).isFalse();
    }

    @Test
    void projectsDoNotBlockEachOther() throws Exception {
        try (LockLease acme = lock.tryAcquire("acme", Duration.ZERO).orElseThrow()) {
            boolean otherAcquired = CompletableFuture.supplyAsync(() -> {
                        Optional<LockLease> other = acquire("globex", Duration.ZERO);
                        other.ifPresent(LockLease::close);
                        return other.isPresent();
                    })
                    .get();
            assertThat(otherAcquired).isTrue();
            assertThat(acme.token()).isPositive();
        }
    }

    @Test
    void lockNameFollowsTheSpec() {
        assertThat(ProjectLock.lockName("acme")).isEqualTo("ktx:{acme}:config:repo");
    }

    private Optional<LockLease> acquire(String project, Duration wait) {
        try {
            return lock.tryAcquire(project, wait);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
