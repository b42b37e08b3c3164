package dev.ktx.ingest.planner.trigger;

import dev.ktx.ingest.core.messaging.MessageCodec;
import dev.ktx.ingest.core.messaging.ProjectRef;
import dev.ktx.ingest.planner.run.RunStarts;
import dev.ktx.ingest.planner.state.RunStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.redisson.api.RBucket;
import org.redisson.api.RLock;
import org.redisson.api.RScoredSortedSet;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Open debounce windows in Redis, so every planner replica (and a restarted one) sees the same window: one per
 * project ({@code ktx:trigger:window:<project key>}), the due moments in {@code ktx:trigger:due}, and a Redisson lock
 * per project that serializes joining a window and starting its run.
 */
@ApplicationScoped
public class DebounceWindows {

    private static final String PREFIX = "ktx:trigger:window:";
    private static final String DUE = "ktx:trigger:due";

    private final RedissonClient redisson;

    public DebounceWindows(RedissonClient redisson) {
        this.redisson = redisson;
    }

    /** The project's key: a hash of its identity, so that two spellings of one path share a window. */
    static String projectKey(ProjectRef project) {
        return RunStarts.sha256(RunStarts.identity(project));
    }

    RLock lock(String projectKey) {
        return redisson.getLock(PREFIX + projectKey + ":lock");
    }

    Optional<DebounceWindow> find(String projectKey) {
        return Optional.ofNullable(bucket(projectKey).get()).map(json -> MessageCodec.read(json, DebounceWindow.class));
    }

    /** Stores the window and its due moment; kept no longer than run state, should nobody start it. */
    void save(DebounceWindow window) {
        bucket(window.projectKey()).set(MessageCodec.write(window), RunStore.RETENTION);
        due().add(window.dueAt().toEpochMilli(), window.projectKey());
    }

    void remove(String projectKey) {
        bucket(projectKey).delete();
        due().remove(projectKey);
    }

    /** The keys of the projects whose window is due at {@code now}. */
    List<String> due(Instant now) {
        return List.copyOf(due().valueRange(Double.NEGATIVE_INFINITY, true, now.toEpochMilli(), true));
    }

    private RBucket<String> bucket(String projectKey) {
        return redisson.getBucket(PREFIX + projectKey, StringCodec.INSTANCE);
    }

    private RScoredSortedSet<String> due() {
        return redisson.getScoredSortedSet(DUE, StringCodec.INSTANCE);
    }
}
