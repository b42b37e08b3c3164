package dev.ktx.ingest.testinfra;

import dev.ktx.ingest.localstack.KafkaBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Where a Kafka cluster is: a bootstrap server list, {@code host:port[,host:port...]}, PLAINTEXT without
 * authentication.
 */
public record KafkaEndpoint(String bootstrapServers) {

    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    public KafkaEndpoint {
        bootstrapServers = validate(bootstrapServers);
    }

    /** Parses {@code host:port[,host:port...]}; anything else (a scheme, a missing port) is rejected. */
    public static KafkaEndpoint parse(String bootstrapServers) {
        return new KafkaEndpoint(bootstrapServers);
    }

    /** The first broker's host. */
    public String host() {
        String first = bootstrapServers.split(",")[0];
        return first.substring(0, first.lastIndexOf(':'));
    }

    /** The first broker's port. */
    public int port() {
        String first = bootstrapServers.split(",")[0];
        return Integer.parseInt(first.substring(first.lastIndexOf(':') + 1));
    }

    /** Client properties that reach this cluster: {@code bootstrap.servers}; add serializers, group id, … */
    public Map<String, Object> clientProperties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return properties;
    }

    /**
     * Makes sure each topic exists with at least the given number of partitions: creates missing ones (replication
     * factor: the broker's default) and adds partitions to existing ones that have fewer. Existing topics with as many
     * or more partitions are left alone, so this is safe on a reused external broker.
     *
     * @param partitionsByTopic topic name → minimum partition count (≥ 1)
     */
    public void createTopics(Map<String, Integer> partitionsByTopic) {
        partitionsByTopic.forEach((topic, partitions) -> {
            if (partitions == null || partitions < 1) {
                throw new IllegalArgumentException("topic " + topic + ": partitions must be ≥ 1, was " + partitions);
            }
        });
        if (partitionsByTopic.isEmpty()) {
            return;
        }
        try (Admin admin = admin()) {
            List<NewTopic> newTopics = partitionsByTopic.entrySet().stream()
                    .map(e -> new NewTopic(e.getKey(), Optional.of(e.getValue()), Optional.empty()))
                    .toList();
            List<String> existing = new ArrayList<>();
            for (var created : admin.createTopics(newTopics).values().entrySet()) {
                try {
                    created.getValue().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                    existing.add(created.getKey());
                }
            }
            if (!existing.isEmpty()) {
                growPartitions(admin, existing, partitionsByTopic);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not create topics " + partitionsByTopic + " on " + this, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted creating topics on " + this, e);
        }
        awaitPartitions(partitionsByTopic);
    }

    /** Metadata of new partitions reaches the brokers' caches a moment after the admin call returns. */
    private void awaitPartitions(Map<String, Integer> partitionsByTopic) {
        long deadline = System.nanoTime() + ADMIN_TIMEOUT.toNanos();
        try {
            while (!visible(partitionsByTopic)) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException(
                            "partitions of " + partitionsByTopic + " not visible within " + ADMIN_TIMEOUT);
                }
                Thread.sleep(50);
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("Could not create topics " + partitionsByTopic + " on " + this, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted creating topics on " + this, e);
        }
    }

    private boolean visible(Map<String, Integer> partitionsByTopic) {
        try {
            Map<String, Integer> counts = partitionCounts(partitionsByTopic.keySet());
            return partitionsByTopic.entrySet().stream()
                    .allMatch(e -> counts.getOrDefault(e.getKey(), 0) >= e.getValue());
        } catch (IllegalStateException e) {
            return false; // a topic this fresh may not be known to the broker that answered yet
        }
    }

    /** The number of partitions of each topic. */
    public Map<String, Integer> partitionCounts(Set<String> topics) {
        try (Admin admin = admin()) {
            Map<String, TopicDescription> descriptions =
                    admin.describeTopics(topics).allTopicNames().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Map<String, Integer> counts = new HashMap<>();
            descriptions.forEach((topic, description) ->
                    counts.put(topic, description.partitions().size()));
            return counts;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not describe topics " + topics + " on " + this, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted describing topics on " + this, e);
        }
    }

    /** A name no earlier run used, for topics and consumer groups on a broker that may be reused. */
    public static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public String toString() {
        return "kafka " + bootstrapServers;
    }

    /** See {@link KafkaBroker#answers(String, Duration)}. */
    boolean answers(Duration timeout) throws Exception {
        return KafkaBroker.answers(bootstrapServers, timeout);
    }

    private Admin admin() {
        Map<String, Object> properties = clientProperties();
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis());
        return Admin.create(properties);
    }

    private static void growPartitions(Admin admin, List<String> topics, Map<String, Integer> wanted)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<String, TopicDescription> current =
                admin.describeTopics(topics).allTopicNames().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        Map<String, NewPartitions> increases = new HashMap<>();
        current.forEach((topic, description) -> {
            if (description.partitions().size() < wanted.get(topic)) {
                increases.put(topic, NewPartitions.increaseTo(wanted.get(topic)));
            }
        });
        if (!increases.isEmpty()) {
            admin.createPartitions(increases).all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static String validate(String bootstrapServers) {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("empty Kafka bootstrap server list");
        }
        String trimmed = bootstrapServers.trim();
        boolean valid = Arrays.stream(trimmed.split(",", -1)).allMatch(KafkaEndpoint::isHostAndPort);
        if (!valid) {
            throw new IllegalArgumentException("unsupported Kafka bootstrap servers '" + bootstrapServers
                    + "': expected host:port[,host:port...]");
        }
        return trimmed;
    }

    private static boolean isHostAndPort(String server) {
        int colon = server.lastIndexOf(':');
        if (colon <= 0 || server.contains("/") || server.contains(" ")) {
            return false;
        }
        try {
            int port = Integer.parseInt(server.substring(colon + 1));
            return port > 0 && port < 65536;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
