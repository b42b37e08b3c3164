package dev.ktx.ingest.planner.state;

import dev.ktx.ingest.core.messaging.MessageCodec;
import dev.ktx.ingest.core.plan.TargetResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RExpirableAsync;
import org.redisson.api.RFuture;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Run state in Redis, so any planner replica (or a restarted one) continues a run: the record, the results by
 * connection, the released source targets, one-shot flags (barrier published, barrier seen, finished) and the trace.
 * All updates are idempotent: redelivered messages change nothing. Every key expires {@link #RETENTION} after its
 * last write; the run lock, a Redisson lock, lives only while held (its watchdog renews it).
 */
@ApplicationScoped
public class RunStore {

    public static final Duration RETENTION = Duration.ofDays(7);
    /** How long one planner replica has to publish a timed-out result before another one may. */
    private static final Duration TIMEOUT_CLAIM = Duration.ofMinutes(1);

    private static final String RESULTS = ":results";
    private static final String RELEASED = ":released";
    private static final String TRACE = ":trace";

    private final RedissonClient redisson;

    public RunStore(RedissonClient redisson) {
        this.redisson = redisson;
    }

    /** Stores a new run; false when a run with this id exists already (an earlier start of the same request). */
    public boolean create(RunRecord run) {
        return redisson.<String>getBucket(key(run.runId()), StringCodec.INSTANCE)
                .setIfAbsent(MessageCodec.write(run), RETENTION);
    }

    public Optional<RunRecord> find(String runId) {
        String json =
                redisson.<String>getBucket(key(runId), StringCodec.INSTANCE).get();
        return Optional.ofNullable(json).map(text -> MessageCodec.read(text, RunRecord.class));
    }

    public boolean exists(String runId) {
        return redisson.getBucket(key(runId), StringCodec.INSTANCE).isExists();
    }

    /**
     * Keeps the first final result of a target: a late result (say, after the planner timed the target out) never
     * changes the outcome. True when this result is the first.
     */
    public boolean putResult(String runId, TargetResult result) {
        return writeExpiring(
                redisson,
                batch -> batch.<String, String>getMap(key(runId) + RESULTS, StringCodec.INSTANCE),
                results -> results.fastPutIfAbsentAsync(result.connectionId(), MessageCodec.write(result)));
    }

    public List<TargetResult> results(String runId) {
        Collection<String> values = redisson.<String, String>getMap(key(runId) + RESULTS, StringCodec.INSTANCE)
                .readAllValues();
        return values.stream()
                .map(json -> MessageCodec.read(json, TargetResult.class))
                .toList();
    }

    public Set<String> released(String runId) {
        return redisson.<String>getSet(key(runId) + RELEASED, StringCodec.INSTANCE)
                .readAll();
    }

    public void markReleased(String runId, String connectionId) {
        writeExpiring(
                redisson,
                batch -> batch.<String>getSet(key(runId) + RELEASED, StringCodec.INSTANCE),
                released -> released.addAsync(connectionId));
    }

    /** Sets a one-shot flag; true only for the caller that set it first. */
    public boolean setOnce(String runId, Flag flag) {
        return redisson.<String>getBucket(key(runId) + ":" + flag.name(), StringCodec.INSTANCE)
                .setIfAbsent(Instant.now().toString(), RETENTION);
    }

    /** When the flag was set, if it is. */
    public Optional<Instant> setAt(String runId, Flag flag) {
        return Optional.ofNullable(redisson.<String>getBucket(key(runId) + ":" + flag.name(), StringCodec.INSTANCE)
                        .get())
                .map(Instant::parse);
    }

    public boolean isSet(String runId, Flag flag) {
        return redisson.<String>getBucket(key(runId) + ":" + flag.name(), StringCodec.INSTANCE)
                .isExists();
    }

    /** True for the one planner replica that may publish the timed-out result of this target now. */
    public boolean claimTimeout(String runId, String connectionId) {
        return redisson.<String>getBucket(key(runId) + ":timeout:" + connectionId, StringCodec.INSTANCE)
                .setIfAbsent(Instant.now().toString(), TIMEOUT_CLAIM);
    }

    public void appendTrace(String runId, String line) {
        writeExpiring(
                redisson,
                batch -> batch.<String>getList(key(runId) + TRACE, StringCodec.INSTANCE),
                trace -> trace.addAsync(line));
    }

    public List<String> trace(String runId) {
        return redisson.<String>getList(key(runId) + TRACE, StringCodec.INSTANCE)
                .readAll();
    }

    /** Serializes the decisions of one run across threads and planner replicas. */
    public RLock runLock(String runId) {
        return redisson.getLock(key(runId) + ":lock");
    }

    /** Removes a run that could not be started, so that nothing of it is left half-started. */
    public void delete(String runId) {
        String key = key(runId);
        redisson.getKeys()
                .delete(Stream.concat(
                                Stream.of(key, key + RESULTS, key + RELEASED, key + TRACE),
                                Arrays.stream(Flag.values()).map(flag -> key + ":" + flag.name()))
                        .toArray(String[]::new));
    }

    /** One write and the renewal of its key's time to live, in one round trip: no run key outlives the retention. */
    static <T extends RExpirableAsync, R> R writeExpiring(
            RedissonClient redisson, Function<RBatch, T> object, Function<T, RFuture<R>> write) {
        RBatch batch = redisson.createBatch(BatchOptions.defaults());
        T target = object.apply(batch);
        RFuture<R> written = write.apply(target);
        target.expireAsync(RETENTION);
        batch.execute();
        return written.toCompletableFuture().join();
    }

    static String key(String runId) {
        return "ktx:run:" + runId;
    }

    public enum Flag {
        barrier_published,
        barrier_seen,
        finished
    }
}
