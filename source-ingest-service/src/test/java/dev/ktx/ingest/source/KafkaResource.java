package dev.ktx.ingest.source;

import dev.ktx.ingest.testinfra.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

public class KafkaResource extends KafkaTestResource implements QuarkusTestResourceLifecycleManager {
}
