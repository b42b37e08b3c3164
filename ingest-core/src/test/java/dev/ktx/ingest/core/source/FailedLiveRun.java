package dev.ktx.ingest.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ktx.ingest.core.git.LocalContextRepository;
import dev.ktx.ingest.core.git.Sentinel;
import dev.ktx.ingest.core.git.SessionId;
import dev.ktx.ingest.core.lock.InProcessProjectLock;
import dev.ktx.ingest.core.trace.TraceEvent;
import dev.ktx.ingest.core.window.ReconciliationRefresh;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * Runs an adapter whose live fetch fails through a real {@link SourceRun} on a fresh context repo, and checks what a
 * failed fetch must leave: nothing written (session and {@code main} where they were), one sentinel and one trace
 * error with the same text, and no secret in either.
 */
public final class FailedLiveRun {

    private FailedLiveRun() {}

    /** @return the error the run failed with */
    public static String run(Path dir, SourceAdapter adapter, SourceContext context, String secret)
            throws InterruptedException {
        List<TraceEvent> trace = new CopyOnWriteArrayList<>();
        try (LocalContextRepository repo = SourceRepo.create(dir.resolve("context.git"), "accounts")) {
            String main = repo.mainHead().orElseThrow();
            SessionId session = new SessionId("run-1", context.connectionId());
            repo.openSession(session);
            Clock clock = Clock.fixed(Instant.parse("2026-01-26T09:30:00Z"), ZoneOffset.UTC);
            SourceRun run = new SourceRun(
                    repo,
                    new ReconciliationRefresh(
                            repo, new InProcessProjectLock(), trace::add, clock, Duration.ofSeconds(5)),
                    trace::add,
                    clock,
                    1);

            SourceRunResult result = run.run("acme", session, adapter, context, "job-1");

            String error = result.error().orElseThrow();
            assertThat(result.status()).isEqualTo(SourceRunResult.Status.FAILED);
            assertThat(repo.sessionHead(session)).contains(main);
            assertThat(repo.mainHead()).contains(main);
            assertThat(repo.sentinel(session).map(Sentinel::error)).contains(error);
            assertThat(trace).extracting(TraceEvent::error).containsExactly(error);
            assertThat(Stream.concat(Stream.of(error), trace.stream().map(TraceEvent::toString)))
                    .noneMatch(text -> text.contains(secret));
            return error;
        }
    }
}
