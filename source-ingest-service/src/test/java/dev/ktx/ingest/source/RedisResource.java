package dev.ktx.ingest.source;

import dev.ktx.ingest.testinfra.RedisTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

public class RedisResource extends RedisTestResource implements QuarkusTestResourceLifecycleManager {
}
