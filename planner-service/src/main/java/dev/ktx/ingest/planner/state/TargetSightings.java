package dev.ktx.ingest.planner.state;

import dev.ktx.ingest.core.plan.TargetSighting;
import dev.ktx.ingest.core.trace.TraceEvent;
import dev.ktx.ingest.core.trace.TraceEvents;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.redisson.api.RMap;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * When and in which phase each target of a run was last seen ({@code ktx:run:<runId>:seen}, connection id →
 * {@code <epoch ms> <phase>}): every trace event of a target, and {@code queued} when the planner publishes its job.
 * The time is the planner's own clock when the event arrives, so clock skew between services does not matter.
 */
@ApplicationScoped
public class TargetSightings {

    private final RedissonClient redisson;
    private final Clock clock = Clock.systemUTC();

    public TargetSightings(RedissonClient redisson) {
        this.redisson = redisson;
    }

    /** Just before the target's job is published, so the worker's first trace event can only come later. */
    public void queued(String runId, String connectionId) {
        seen(runId, connectionId, TargetSighting.QUEUED);
    }

    /** A trace event of a target is a sign of life; run events and the planner's own verdicts are not. */
    public void record(TraceEvent event) {
        if (event.connectionId() != null && !TraceEvents.TARGET_TIMED_OUT.equals(event.event())) {
            seen(event.runId(), event.connectionId(), event.phase() != null ? event.phase() : event.event());
        }
    }

    public Map<String, TargetSighting> all(String runId) {
        return map(runId).readAllMap().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> decode(e.getValue())));
    }

    public void discard(String runId) {
        map(runId).delete();
    }

    private void seen(String runId, String connectionId, String phase) {
        RunStore.writeExpiring(
                redisson,
                batch -> batch.<String, String>getMap(key(runId), StringCodec.INSTANCE),
                seen -> seen.fastPutAsync(connectionId, clock.millis() + " " + phase));
    }

    private RMap<String, String> map(String runId) {
        return redisson.getMap(key(runId), StringCodec.INSTANCE);
    }

    private static TargetSighting decode(String value) {
        int space = value.indexOf(' ');
        return new TargetSighting(
                Instant.ofEpochMilli(Long.parseLong(value.substring(0, space))), value.substring(space + 1));
    }

    private static String key(String runId) {
        return RunStore.key(runId) + ":seen";
    }
}
