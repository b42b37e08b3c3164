package dev.ktx.ingest.planner.state;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Collection;
import org.redisson.api.RScoredSortedSet;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * The runs the deadline check looks at ({@code ktx:runs:active}, run ids scored by start time). A run leaves it when
 * it is finished or its state is gone; an entry older than the run retention is dropped in any case.
 */
@ApplicationScoped
public class ActiveRuns {

    private static final String KEY = "ktx:runs:active";

    private final RedissonClient redisson;
    private final Clock clock = Clock.systemUTC();

    public ActiveRuns(RedissonClient redisson) {
        this.redisson = redisson;
    }

    public void add(RunRecord run) {
        RunStore.writeExpiring(
                redisson,
                batch -> batch.<String>getScoredSortedSet(KEY, StringCodec.INSTANCE),
                runs -> runs.addAsync(run.startedAt().toEpochMilli(), run.runId()));
    }

    public Collection<String> all() {
        set().removeRangeByScore(Double.NEGATIVE_INFINITY, true, clock.millis() - RunStore.RETENTION.toMillis(), false);
        return set().readAll();
    }

    public void remove(String runId) {
        set().remove(runId);
    }

    private RScoredSortedSet<String> set() {
        return redisson.getScoredSortedSet(KEY, StringCodec.INSTANCE);
    }
}
