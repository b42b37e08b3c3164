package dev.ktx.ingest.connectors.http;

import dev.ktx.ingest.core.retry.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@link ApiClients} for tests: the pauses between attempts are recorded, not slept, so a test can check the
 * back-off and {@code Retry-After} without waiting; the clock is fixed at {@link #NOW}.
 */
public final class TestApiClients {

    public static final Instant NOW = Instant.parse("2026-01-26T09:30:00Z");
    public static final RetryPolicy RETRY = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30));

    private final List<Duration> pauses = new CopyOnWriteArrayList<>();
    private final ApiClients clients;

    public TestApiClients() {
        this(Duration.ofSeconds(5));
    }

    public TestApiClients(Duration requestTimeout) {
        clients = new ApiClients(
                new HttpSettings(Duration.ofSeconds(2), requestTimeout, RETRY),
                pauses::add,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    public ApiClients clients() {
        return clients;
    }

    /** The pauses the retries asked for, in order. */
    public List<Duration> pauses() {
        return List.copyOf(pauses);
    }
}
