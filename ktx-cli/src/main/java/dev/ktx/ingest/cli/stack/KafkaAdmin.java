package dev.ktx.ingest.cli.stack;

import dev.ktx.ingest.cli.CliException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** The few Kafka admin calls the stack needs. */
final class KafkaAdmin {

    private static final int TIMEOUT_SECONDS = 15;

    private KafkaAdmin() {}

    /** The broker answers metadata requests (it may accept connections before it does). */
    static boolean isReady(String bootstrapServers) throws Exception {
        try (Admin admin = admin(bootstrapServers)) {
            return !admin.describeCluster()
                    .nodes()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .isEmpty();
        }
    }

    /** Creates the topics that do not exist yet (existing ones are left as they are); returns how many it created. */
    static int createMissing(String bootstrapServers, List<NewTopic> topics) {
        try (Admin admin = admin(bootstrapServers)) {
            int created = 0;
            for (var result : admin.createTopics(topics).values().entrySet()) {
                try {
                    result.getValue().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    created++;
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new CliException(
                                "cannot create topic " + result.getKey() + " on " + bootstrapServers + ": "
                                        + e.getCause().getMessage(),
                                e);
                    }
                }
            }
            return created;
        } catch (TimeoutException e) {
            throw new CliException(
                    "Kafka at " + bootstrapServers + " did not create the topics within " + TIMEOUT_SECONDS + "s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted while creating topics", e);
        }
    }

    private static Admin admin(String bootstrapServers) {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_SECONDS * 1000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_SECONDS * 1000));
    }
}
