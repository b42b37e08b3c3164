package dev.ktx.ingest.testinfra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Quarkus test resource for Kafka, shared by the services' tests:
 *
 * <pre>{@code
 * @QuarkusTest
 * @WithTestResource(value = KafkaTestResource.class,
 *         initArgs = @ResourceArg(name = KafkaTestResource.TOPICS, value = "ingest.requests:6,ingest.dlq:1"))
 * class SomeTest { ... }
 * }</pre>
 *
 * It uses {@link KafkaService#shared()} (one broker per JVM, kept across Quarkus restarts, stopped at JVM exit),
 * creates the listed topics, and sets {@code kafka.bootstrap.servers} (which SmallRye Reactive Messaging and the
 * Quarkus Kafka client read) and switches Kafka Dev Services off. Quarkus is a {@code provided} dependency of this
 * module: only test modules, which have it through {@code quarkus-junit5}, load this class.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    /** Init argument: {@code topic:partitions[,topic:partitions...]}, created before the application starts. */
    public static final String TOPICS = "topics";
    /** Init argument: the configuration property to set to the bootstrap servers, besides the standard one. */
    public static final String PROPERTY = "property";

    private Map<String, Integer> topics = Map.of();
    private String extraProperty;

    @Override
    public void init(Map<String, String> initArgs) {
        topics = parseTopics(initArgs.getOrDefault(TOPICS, ""));
        extraProperty = initArgs.get(PROPERTY);
    }

    @Override
    public Map<String, String> start() {
        KafkaService kafka = KafkaService.shared();
        kafka.createTopics(topics);
        Map<String, String> config = new LinkedHashMap<>();
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("quarkus.kafka.devservices.enabled", "false");
        if (extraProperty != null && !extraProperty.isBlank()) {
            config.put(extraProperty.trim(), kafka.bootstrapServers());
        }
        return config;
    }

    /** Nothing to do: the shared broker outlives each Quarkus application and is stopped at JVM exit. */
    @Override
    public void stop() {}

    /** Parses {@code topic:partitions[,topic:partitions...]}; a topic without a count gets 1 partition. */
    static Map<String, Integer> parseTopics(String spec) {
        Map<String, Integer> parsed = new LinkedHashMap<>();
        for (String item : spec.split(",")) {
            String trimmed = item.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int colon = trimmed.lastIndexOf(':');
            try {
                parsed.put(
                        colon < 0 ? trimmed : trimmed.substring(0, colon).trim(),
                        colon < 0
                                ? 1
                                : Integer.parseInt(trimmed.substring(colon + 1).trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected topic:partitions, got '" + trimmed + "'", e);
            }
        }
        return parsed;
    }
}
