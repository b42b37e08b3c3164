package dev.ktx.ingest.e2e;

import dev.ktx.ingest.core.messaging.ConsumerGroupLag;
import dev.ktx.ingest.core.messaging.Topics;
import dev.ktx.ingest.testinfra.KafkaEndpoint;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The services' consumer groups ({@link ConsumerGroupLag}) on the stack's broker: how far behind they are, and a
 * reset to the earliest offset for a replay.
 */
final class ConsumerGroups {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final KafkaEndpoint kafka;

    ConsumerGroups(KafkaEndpoint kafka) {
        this.kafka = kafka;
    }

    /** Records not yet committed, per {@code group topic-partition}, only where some are. */
    Map<String, Long> lag() throws Exception {
        try (Admin admin = admin()) {
            Map<String, Long> lag = new TreeMap<>();
            new ConsumerGroupLag(admin, Topics.DEFAULT_PREFIX, TIMEOUT)
                    .all().stream()
                            .filter(l -> l.records() > 0)
                            .forEach(l -> lag.put(l.group() + " " + l.partition(), l.records()));
            return lag;
        }
    }

    /** Every group back to the first record of each of its topics: a replay once the consumers start again. */
    void resetToEarliest() throws Exception {
        try (Admin admin = admin()) {
            new ConsumerGroupLag(admin, Topics.DEFAULT_PREFIX, TIMEOUT).resetToEarliest();
        }
    }

    private Admin admin() {
        Map<String, Object> config = new HashMap<>(kafka.clientProperties());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        return Admin.create(config);
    }
}
