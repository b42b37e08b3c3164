package dev.ktx.ingest.planner.dlq;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Which dead letters were replayed and when: one Redis key per record,
 * {@code ktx:{dlq}:replayed:<dlq topic>:<partition>:<offset>} (one hash slot, so that a listing reads them at once),
 * kept for {@link #RETENTION}: longer than Kafka keeps a record by default (7 days), so a record is not replayed twice
 * by mistake while it can still be read.
 */
@ApplicationScoped
public class ReplayLedger {

    static final Duration RETENTION = Duration.ofDays(30);

    private final RedissonClient redisson;

    public ReplayLedger(RedissonClient redisson) {
        this.redisson = redisson;
    }

    /** Records the replay unless the record was replayed before; then the time of that replay. */
    Optional<Instant> claim(DeadLetterId id, Instant at) {
        RBucket<String> bucket = bucket(id);
        if (bucket.setIfAbsent(at.toString(), RETENTION)) {
            return Optional.empty();
        }
        // the earlier mark may expire between the two calls: then this claim is tried again
        return Optional.ofNullable(bucket.get()).map(Instant::parse).or(() -> claim(id, at));
    }

    /** Records the replay whether or not the record was replayed before. */
    void mark(DeadLetterId id, Instant at) {
        bucket(id).set(at.toString(), RETENTION);
    }

    /** Forgets a claim whose record could not be published after all. */
    void release(DeadLetterId id) {
        bucket(id).delete();
    }

    /** When each of these records was last replayed, for those that were. */
    Map<DeadLetterId, Instant> replayed(Collection<DeadLetterId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, DeadLetterId> byKey =
                ids.stream().collect(Collectors.toMap(ReplayLedger::key, Function.identity()));
        Map<String, String> found =
                redisson.getBuckets(StringCodec.INSTANCE).get(byKey.keySet().toArray(String[]::new));
        return found.entrySet().stream()
                .collect(
                        Collectors.toMap(entry -> byKey.get(entry.getKey()), entry -> Instant.parse(entry.getValue())));
    }

    private RBucket<String> bucket(DeadLetterId id) {
        return redisson.getBucket(key(id), StringCodec.INSTANCE);
    }

    private static String key(DeadLetterId id) {
        return "ktx:{dlq}:replayed:" + id.topic() + ":" + id.partition() + ":" + id.offset();
    }
}
