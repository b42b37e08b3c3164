package dev.ktx.ingest.database;

import dev.ktx.ingest.testinfra.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

public class KafkaResource extends KafkaTestResource implements QuarkusTestResourceLifecycleManager {
}
