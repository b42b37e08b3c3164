package dev.ktx.ingest.planner.run;

import jakarta.enterprise.context.ApplicationScoped;
import org.redisson.api.RType;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import java.util.Set;

/**
 * The targets of a run whose session the finalizer parked until a peer is final ({@code ktx:run:<runId>:parked},
 * written by the finalizer; the connection ids are its keys). A parked target waits on purpose: it is not silent.
 */
@ApplicationScoped
public class ParkedSessions {

    private final RedissonClient redisson;

    public ParkedSessions(RedissonClient redisson) {
        this.redisson = redisson;
    }

    public Set<String> of(String runId) {
        String key = RunStore.key(runId) + ":parked";
        RType type = redisson.getKeys().getType(key);
        if (type == RType.MAP) {
            return redisson.<String, String>getMap(key, StringCodec.INSTANCE).readAllKeySet();
        }
        // a plain set of connection ids reads the same
        return type == RType.SET ? redisson.<String>getSet(key, StringCodec.INSTANCE).readAll() : Set.of();
    }
}
