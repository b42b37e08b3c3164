package dev.ktx.ingest.planner.metrics;

import dev.ktx.ingest.core.messaging.ConsumerGroupLag;
import dev.ktx.ingest.core.messaging.Topics;
import dev.ktx.ingest.planner.state.RunSettings;
import dev.ktx.ingest.service.PeriodicTask;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * What only the broker knows, as metrics of the planner (one exporter is enough; every replica exports the same
 * values): {@code ktx_consumer_group_lag{topic,group}}, the records each service's consumer group has not committed
 * (so a dashboard shows the backlog also when a group has no member left), and {@code ktx_dlq_records_total{topic}},
 * the records ever dead-lettered per source topic. Read every {@code ktx.planner.lag-interval}.
 */
@ApplicationScoped
public class BrokerMetrics {

    private static final Logger LOG = Logger.getLogger(BrokerMetrics.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final MeterRegistry meters;
    private final RunSettings settings;
    private final Map<String, Object> kafka;
    private final String topicPrefix;
    private final Map<String, AtomicLong> values = new ConcurrentHashMap<>();
    private final PeriodicTask reading = new PeriodicTask("ktx-broker-metrics", "reading the broker metrics", LOG);
    private Admin admin;

    public BrokerMetrics(
            MeterRegistry meters,
            RunSettings settings,
            @Identifier("default-kafka-broker") Map<String, Object> kafka,
            @ConfigProperty(name = "ktx.topic-prefix") String topicPrefix) {
        this.meters = meters;
        this.settings = settings;
        this.kafka = kafka;
        this.topicPrefix = topicPrefix;
    }

    void start(@Observes StartupEvent event) {
        Map<String, Object> config = new HashMap<>(kafka);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        admin = Admin.create(config);
        reading.start(Duration.ZERO, settings.lagInterval(), this::read);
    }

    @PreDestroy
    void stop() {
        reading.stop();
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }

    /** The broker being away is logged in one line; the last values stay exported meanwhile. */
    private void read() {
        try {
            ConsumerGroupLag broker = new ConsumerGroupLag(admin, topicPrefix, TIMEOUT);
            Map<String, Long> lagByGroupTopic = new HashMap<>();
            broker.all()
                    .forEach(lag -> lagByGroupTopic.merge(
                            lag.group() + "\n" + lag.partition().topic(), lag.records(), Long::sum));
            lagByGroupTopic.forEach((key, records) -> {
                String[] groupTopic = key.split("\n");
                gauge(groupTopic[0], groupTopic[1]).set(records);
            });
            // A dead-letter topic is created by its first record: until then it is exported as 0.
            Map<String, Long> written =
                    broker.written(Topics.ALL.stream().map(Topics::dlq).toList());
            Topics.ALL.stream()
                    .map(topic -> topicPrefix + Topics.dlq(topic))
                    .forEach(dlq -> deadLetters(dlq).set(written.getOrDefault(dlq, 0L)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warnf(
                    "could not read consumer lag from the broker (again in %s): %s",
                    settings.lagInterval(), e.getMessage());
        }
    }

    private AtomicLong gauge(String group, String topic) {
        return values.computeIfAbsent("lag " + group + " " + topic, key -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("ktx_consumer_group_lag", value, AtomicLong::get)
                    .tags("group", group, "topic", topic)
                    .description("records of the topic the consumer group has not committed")
                    .register(meters);
            return value;
        });
    }

    private AtomicLong deadLetters(String dlqTopic) {
        return values.computeIfAbsent("dlq " + dlqTopic, key -> {
            AtomicLong value = new AtomicLong();
            FunctionCounter.builder("ktx_dlq_records", value, AtomicLong::get)
                    .tags("topic", dlqTopic)
                    .description("records ever dead-lettered on the topic")
                    .register(meters);
            return value;
        });
    }
}
