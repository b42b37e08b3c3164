package dev.ktx.ingest.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.redisson.api.RSet;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import java.time.Duration;
import java.util.Collection;
import java.util.Set;

/**
 * Which targets of a run have not finished yet, shared in Redis: the planner opens the ledger with every target
 * of the plan and crosses each off when its result arrives; the finalizer reads it to know whether a session that
 * misses a page or source may still get it from a peer of the same run.
 */
@ApplicationScoped
public class RunLedger {

    private static final Duration RETENTION = Duration.ofDays(7);

    private final RedissonClient redisson;

    public RunLedger(RedissonClient redisson) {
        this.redisson = redisson;
    }

    public void open(String runId, Collection<String> targets) {
        RSet<String> pending = pending(runId);
        pending.addAll(targets);
        pending.expire(RETENTION);
    }

    public void finish(String runId, String connectionId) {
        pending(runId).remove(connectionId);
    }

    /** Targets of the run without a final result, except {@code self}. */
    public Set<String> unfinishedPeers(String runId, String self) {
        Set<String> peers = pending(runId).readAll();
        peers.remove(self);
        return peers;
    }

    /** Forgets a run that could not be started. */
    public void discard(String runId) {
        pending(runId).delete();
    }

    private RSet<String> pending(String runId) {
        return redisson.getSet("ktx:run:" + runId + ":pending", StringCodec.INSTANCE);
    }
}
