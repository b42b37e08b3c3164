package dev.ktx.ingest.service;

import dev.ktx.ingest.core.messaging.MessageCodec;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.redisson.api.RMap;
import org.redisson.api.RSet;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Which targets of a run have not reached a final state, and which of those the finalizer parked, shared in Redis.
 * The planner opens the ledger with every target of the plan and crosses each off when its result arrives; the
 * finalizer parks a session that only misses references a peer may still land, and the planner sends the parked
 * requests again whenever a peer becomes final. Both write first and read second (finish → read parked; park →
 * read pending), so at least one of them sees the other and no parked session is forgotten.
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
    private Set<String> unfinishedPeers(String runId, String self) {
        Set<String> peers = pending(runId).readAll();
        peers.remove(self);
        return peers;
    }

    /** Unfinished peers that are not parked themselves: the ones that may still land something. */
    public Set<String> workingPeers(String runId, String self) {
        Set<String> peers = unfinishedPeers(runId, self);
        peers.removeAll(parkedTargets(runId));
        return peers;
    }

    public void park(String runId, String connectionId, ParkedSession session) {
        RMap<String, String> parked = parkedMap(runId);
        parked.fastPut(connectionId, MessageCodec.write(session));
        parked.expire(RETENTION);
    }

    public void unpark(String runId, String connectionId) {
        parkedMap(runId).fastRemove(connectionId);
    }

    public Optional<ParkedSession> parkedSession(String runId, String connectionId) {
        return Optional.ofNullable(parkedMap(runId).get(connectionId))
                .map(json -> MessageCodec.read(json, ParkedSession.class));
    }

    /** Connections of the run whose session is parked. */
    public Set<String> parkedTargets(String runId) {
        return parkedMap(runId).readAllKeySet();
    }

    /** Parked sessions of the run by connection id, sorted. */
    public Map<String, ParkedSession> parked(String runId) {
        Map<String, ParkedSession> sessions = new TreeMap<>();
        parkedMap(runId)
                .readAllMap()
                .forEach((id, json) -> sessions.put(id, MessageCodec.read(json, ParkedSession.class)));
        return sessions;
    }

    /** Forgets a run that could not be started. */
    public void discard(String runId) {
        pending(runId).delete();
    }

    private RSet<String> pending(String runId) {
        return redisson.getSet("ktx:run:" + runId + ":pending", StringCodec.INSTANCE);
    }

    private RMap<String, String> parkedMap(String runId) {
        return redisson.getMap("ktx:run:" + runId + ":parked", StringCodec.INSTANCE);
    }
}
