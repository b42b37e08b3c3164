package dev.ktx.ingest.core.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.redisson.client.RedisConnectionException;

class RetrierTest {

    private static final RetryPolicy POLICY = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(5));

    private final List<Duration> pauses = new ArrayList<>();
    private final Retrier retrier = new Retrier(POLICY, pauses::add, () -> 0.5);

    @Test
    void aTransientFailureIsRetriedAfterABackOffUntilItPasses() throws Exception {
        AtomicInteger calls = new AtomicInteger();

        String result = retrier.call(
                "fetch",
                () -> {
                    if (calls.incrementAndGet() < 3) {
                        throw new UncheckedIOException(new IOException("connection reset"));
                    }
                    return "ok";
                },
                TransientFailures::isTransient,
                (attempt, pause, failure) -> {});

        assertThat(result).isEqualTo("ok");
        assertThat(pauses).containsExactly(Duration.ofMillis(750), Duration.ofMillis(1500));
    }

    @Test
    void aFailureThatAsksForAPauseGetsItUpToTheCap() throws Exception {
        AtomicInteger calls = new AtomicInteger();

        String result = retrier.call(
                "fetch",
                () -> {
                    Duration asked = calls.incrementAndGet() == 1 ? Duration.ofSeconds(2) : Duration.ofMinutes(10);
                    if (calls.get() < 3) {
                        throw new RetryLater(asked);
                    }
                    return "ok";
                },
                TransientFailures::isTransient,
                (attempt, pause, failure) -> {});

        assertThat(result).isEqualTo("ok");
        assertThat(pauses).containsExactly(Duration.ofSeconds(2), POLICY.maxBackoff());
    }

    private static final class RetryLater extends RuntimeException implements TransientFailure {
        private final transient Duration pause;

        RetryLater(Duration pause) {
            this.pause = pause;
        }

        @Override
        public Optional<Duration> retryAfter() {
            return Optional.of(pause);
        }
    }

    @Test
    void aFailureThatOutlastsTheAttemptsNamesWhatFailedAndHowOften() {
        assertThatThrownBy(() -> retrier.call(
                        "source-ingest",
                        () -> {
                            throw new RedisConnectionException("Unable to connect to Redis server");
                        },
                        TransientFailures::isTransient,
                        (attempt, pause, failure) -> {}))
                .isInstanceOf(RetriesExhaustedException.class)
                .hasMessage("source-ingest failed after 3 attempts: Unable to connect to Redis server");
        assertThat(pauses).hasSize(2);
    }

    @Test
    void aPermanentFailureIsThrownAtOnce() {
        IllegalArgumentException permanent = new IllegalArgumentException("connection x is not in ktx.yaml");

        assertThatThrownBy(() -> retrier.call(
                        "job",
                        () -> {
                            throw permanent;
                        },
                        TransientFailures::isTransient,
                        (attempt, pause, failure) -> {}))
                .isSameAs(permanent);
        assertThat(pauses).isEmpty();
    }

    @Test
    void backOffDoublesWithJitterAndIsCapped() {
        assertThat(POLICY.backoff(1, 0.0)).isEqualTo(Duration.ofMillis(500));
        assertThat(POLICY.backoff(1, 0.999)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
        assertThat(POLICY.backoff(2, 0.0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(POLICY.backoff(10, 0.999)).isBetween(Duration.ofMillis(2500), Duration.ofSeconds(5));
    }

    @Test
    void classifiesByTypeAlongTheCauseChain() {
        assertThat(TransientFailures.isTransient(new CompletionException(new IOException("broker down"))))
                .isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("refused", "08001")))
                .isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("bad password", "28P01")))
                .isFalse();
        assertThat(TransientFailures.isTransient(new java.util.concurrent.TimeoutException()))
                .isTrue();
        assertThat(TransientFailures.isTransient(new IllegalStateException("gates failed")))
                .isFalse();
    }
}
