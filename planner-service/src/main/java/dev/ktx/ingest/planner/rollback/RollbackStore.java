package dev.ktx.ingest.planner.rollback;

import dev.ktx.ingest.core.api.RollbackView;
import dev.ktx.ingest.core.messaging.MessageCodec;
import dev.ktx.ingest.core.window.RollbackTrace;
import dev.ktx.ingest.planner.state.RunStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Rollback requests and their outcomes in Redis ({@code ktx:rollback:<rollbackId>}, kept as long as runs are), so any
 * planner replica answers the CLI's polls.
 */
@ApplicationScoped
public class RollbackStore {

    private final RedissonClient redisson;

    public RollbackStore(RedissonClient redisson) {
        this.redisson = redisson;
    }

    void create(RollbackView rollback) {
        bucket(rollback.rollbackId()).set(MessageCodec.write(rollback), RunStore.RETENTION);
    }

    public Optional<RollbackView> find(String rollbackId) {
        return Optional.ofNullable(bucket(rollbackId).get()).map(json -> MessageCodec.read(json, RollbackView.class));
    }

    /** Keeps the finalizer's outcome of a request (a redelivered outcome writes the same again). */
    public void finish(RollbackTrace.Reported outcome) {
        RollbackView finished = find(outcome.rollbackId())
                .map(view -> finished(view, outcome))
                .orElseGet(() -> finished(
                        RollbackView.pending(outcome.rollbackId(), outcome.runId(), outcome.force(), null), outcome));
        bucket(outcome.rollbackId()).set(MessageCodec.write(finished), RunStore.RETENTION);
    }

    /** The request with the finalizer's outcome; a rollback the planner no longer held keeps only the outcome. */
    private static RollbackView finished(RollbackView request, RollbackTrace.Reported outcome) {
        return new RollbackView(
                request.rollbackId(),
                request.runId(),
                request.force(),
                outcome.status(),
                outcome.commit().orElse(null),
                outcome.message(),
                outcome.paths(),
                request.requestedAt(),
                outcome.at());
    }

    void delete(String rollbackId) {
        bucket(rollbackId).delete();
    }

    private RBucket<String> bucket(String rollbackId) {
        return redisson.getBucket("ktx:rollback:" + rollbackId, StringCodec.INSTANCE);
    }
}
