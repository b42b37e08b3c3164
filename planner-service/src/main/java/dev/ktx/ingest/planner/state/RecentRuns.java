package dev.ktx.ingest.planner.state;

import dev.ktx.ingest.core.api.RunSummary;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.redisson.api.RScoredSortedSet;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * The index behind {@code GET /api/ingests}: the ids of the latest {@link #LIMIT} runs ({@code ktx:runs:recent},
 * scored by start time), written when a run starts. What a run is now (running, finished and when) is read from its
 * state in {@link RunStore} (the {@code finished} flag holds the moment), so finishing needs no second write here.
 */
@ApplicationScoped
public class RecentRuns {

    public static final int LIMIT = 100;
    private static final String KEY = "ktx:runs:recent";

    private final RedissonClient redisson;
    private final RunStore store;

    public RecentRuns(RedissonClient redisson, RunStore store) {
        this.redisson = redisson;
        this.store = store;
    }

    public void add(RunRecord run) {
        RunStore.writeExpiring(
                redisson,
                batch -> batch.<String>getScoredSortedSet(KEY, StringCodec.INSTANCE),
                runs -> runs.addAsync(run.startedAt().toEpochMilli(), run.runId()));
        set().removeRangeByRank(0, -LIMIT - 1);
    }

    public void remove(String runId) {
        set().remove(runId);
    }

    /** The recent runs, newest first; a run whose state has expired is left out. */
    public List<RunSummary> newestFirst() {
        return set().valueRangeReversed(0, LIMIT - 1).stream()
                .flatMap(runId -> store.find(runId).stream())
                .map(this::summary)
                .toList();
    }

    private RunSummary summary(RunRecord run) {
        Optional<Instant> finishedAt = store.setAt(run.runId(), RunStore.Flag.finished);
        return new RunSummary(
                run.runId(),
                run.project(),
                finishedAt.isPresent() ? "finished" : "running",
                run.trigger(),
                run.startedAt(),
                finishedAt.orElse(null));
    }

    private RScoredSortedSet<String> set() {
        return redisson.getScoredSortedSet(KEY, StringCodec.INSTANCE);
    }
}
