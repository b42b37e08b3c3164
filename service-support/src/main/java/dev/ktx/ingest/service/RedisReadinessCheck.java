package dev.ktx.ingest.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.redisson.api.RedissonClient;

/** Ready only while Redis (run state, project locks) answers. */
@Readiness
@ApplicationScoped
public class RedisReadinessCheck implements HealthCheck {

    private final RedissonClient redisson;

    public RedisReadinessCheck(RedissonClient redisson) {
        this.redisson = redisson;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            redisson.getKeys().count();
            return HealthCheckResponse.up("redis");
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("redis")
                    .down()
                    .withData("error", e.getMessage())
                    .build();
        }
    }
}
