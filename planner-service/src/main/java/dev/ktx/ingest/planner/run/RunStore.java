package dev.ktx.ingest.planner.run;

import dev.ktx.ingest.core.messaging.MessageCodec;
import dev.ktx.ingest.core.plan.TargetResult;
import jakarta.enterprise.context.ApplicationScoped;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Run state in Redis, so any planner replica (or a restarted one) continues a run: the record, the results by
 * connection, the released source targets, one-shot flags (barrier published, barrier seen, finished) and the trace.
 * All updates are idempotent: redelivered messages change nothing.
 */
@ApplicationScoped
public class RunStore {

    private static final Duration RETENTION = Duration.ofDays(7);

    private final RedissonClient redisson;

    public RunStore(RedissonClient redisson) {
        this.redisson = redisson;
    }

    public void create(RunRecord run) {
        redisson.<String>getBucket(key(run.runId()), StringCodec.INSTANCE).set(MessageCodec.write(run), RETENTION);
    }

    public Optional<RunRecord> find(String runId) {
        String json = redisson.<String>getBucket(key(runId), StringCodec.INSTANCE).get();
        return Optional.ofNullable(json).map(text -> MessageCodec.read(text, RunRecord.class));
    }

    public void putResult(String runId, TargetResult result) {
        redisson.<String, String>getMap(key(runId) + ":results", StringCodec.INSTANCE)
                .fastPut(result.connectionId(), MessageCodec.write(result));
    }

    public List<TargetResult> results(String runId) {
        Collection<String> values = redisson.<String, String>getMap(key(runId) + ":results", StringCodec.INSTANCE).readAllValues();
        return values.stream().map(json -> MessageCodec.read(json, TargetResult.class)).toList();
    }

    public Set<String> released(String runId) {
        return redisson.<String>getSet(key(runId) + ":released", StringCodec.INSTANCE).readAll();
    }

    public void markReleased(String runId, String connectionId) {
        redisson.<String>getSet(key(runId) + ":released", StringCodec.INSTANCE).add(connectionId);
    }

    /** Sets a one-shot flag; true only for the caller that set it first. */
    public boolean setOnce(String runId, Flag flag) {
        return redisson.<String>getBucket(key(runId) + ":" + flag.name(), StringCodec.INSTANCE)
                .setIfAbsent(Instant.now().toString(), RETENTION);
    }

    public boolean isSet(String runId, Flag flag) {
        return redisson.<String>getBucket(key(runId) + ":" + flag.name(), StringCodec.INSTANCE).isExists();
    }

    public void appendTrace(String runId, String line) {
        redisson.<String>getList(key(runId) + ":trace", StringCodec.INSTANCE).add(line);
    }

    public List<String> trace(String runId) {
        return redisson.<String>getList(key(runId) + ":trace", StringCodec.INSTANCE).readAll();
    }

    /** Serializes the decisions of one run across threads and planner replicas. */
    public RLock runLock(String runId) {
        return redisson.getLock(key(runId) + ":lock");
    }

    private static String key(String runId) {
        return "ktx:run:" + runId;
    }

    public enum Flag { barrier_published, barrier_seen, finished }
}
