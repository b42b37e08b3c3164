package dev.ktx.ingest.core.retry;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Predicate;

/** Runs an action again after retryable failures, pausing as its {@link RetryPolicy} says. */
public final class Retrier {

    /** Pauses the calling thread; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        Sleeper REAL = pause -> Thread.sleep(pause.toMillis());

        void sleep(Duration pause) throws InterruptedException;
    }

    /** Told before each pause, e.g. to trace the retry. */
    @FunctionalInterface
    public interface RetryListener {
        void retrying(int failedAttempt, Duration pause, RuntimeException failure);
    }

    @FunctionalInterface
    public interface Action<T> {
        T run() throws InterruptedException;
    }

    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final DoubleSupplier random;

    public Retrier(RetryPolicy policy, Sleeper sleeper, DoubleSupplier random) {
        this.policy = policy;
        this.sleeper = sleeper;
        this.random = random;
    }

    public static Retrier real(RetryPolicy policy) {
        return new Retrier(
                policy, Sleeper.REAL, () -> ThreadLocalRandom.current().nextDouble());
    }

    public RetryPolicy policy() {
        return policy;
    }

    /**
     * Runs {@code action} until it returns, a failure is not {@code retryable} (thrown as is), or the attempts are
     * used up ({@link RetriesExhaustedException} naming {@code what}).
     */
    public <T> T call(String what, Action<T> action, Predicate<Throwable> retryable, RetryListener listener)
            throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return action.run();
            } catch (RuntimeException e) {
                if (!retryable.test(e)) {
                    throw e;
                }
                if (attempt >= policy.maxAttempts()) {
                    throw new RetriesExhaustedException(what, attempt, e);
                }
                int failed = attempt;
                Duration pause = requestedPause(e).orElseGet(() -> policy.backoff(failed, random.getAsDouble()));
                listener.retrying(attempt, pause, e);
                sleeper.sleep(pause);
            }
        }
    }

    /** The pause a failure asks for, capped by the policy so that a server cannot park a worker for hours. */
    private Optional<Duration> requestedPause(RuntimeException failure) {
        Optional<Duration> requested =
                failure instanceof TransientFailure transientFailure ? transientFailure.retryAfter() : Optional.empty();
        return requested.map(pause -> pause.compareTo(policy.maxBackoff()) > 0 ? policy.maxBackoff() : pause);
    }
}
