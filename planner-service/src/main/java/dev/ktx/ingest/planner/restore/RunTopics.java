package dev.ktx.ingest.planner.restore;

import dev.ktx.ingest.core.messaging.InvalidMessageException;
import dev.ktx.ingest.core.messaging.MessageCodec;
import dev.ktx.ingest.core.messaging.TargetJobMessage;
import dev.ktx.ingest.core.messaging.TargetResultMessage;
import dev.ktx.ingest.core.messaging.Topics;
import dev.ktx.ingest.core.plan.TargetResult;
import dev.ktx.ingest.planner.outbound.TopicScan;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What a run left on the topics, read back when Redis lost the run's state: its results and its released source
 * jobs, read with a {@link TopicScan} of every partition from the run's start, found by record time less a margin for
 * clock skew between services.
 */
@ApplicationScoped
public class RunTopics {

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(10);

    private final Map<String, Object> kafka;
    private final String topicPrefix;

    public RunTopics(
            @Identifier("default-kafka-broker") Map<String, Object> kafka,
            @ConfigProperty(name = "ktx.topic-prefix") String topicPrefix) {
        this.kafka = kafka;
        this.topicPrefix = topicPrefix;
    }

    /** The first result of each target of the run, by connection, as the planner would have stored it. */
    public Map<String, TargetResult> firstResults(String runId, Instant startedAt) {
        Map<String, TargetResult> first = new LinkedHashMap<>();
        read(Topics.INGEST_RESULTS, startedAt, json -> MessageCodec.read(json, TargetResultMessage.class)).stream()
                .filter(message -> message.runId().equals(runId))
                .forEach(message -> first.putIfAbsent(message.result().connectionId(), message.result()));
        return first;
    }

    /** The connections whose source job of the run was released. */
    public Set<String> releasedSources(String runId, Instant startedAt) {
        return read(Topics.JOBS_SOURCE, startedAt, json -> MessageCodec.read(json, TargetJobMessage.class)).stream()
                .filter(job -> job.runId().equals(runId))
                .map(TargetJobMessage::connectionId)
                .collect(Collectors.toSet());
    }

    /** The readable values of {@code topic} since {@code since}, partition by partition in offset order. */
    private <T> List<T> read(String topic, Instant since, Function<String, T> parse) {
        List<T> values = new ArrayList<>();
        try (TopicScan scan = new TopicScan(kafka, topicPrefix + topic)) {
            scan.read(scan.since(since.minus(CLOCK_SKEW)), record -> {
                if (record.value() != null) {
                    parsed(new String(record.value(), StandardCharsets.UTF_8), parse, values);
                }
                return true;
            });
        }
        return values;
    }

    /** An unreadable record went to the dead-letter topic when it was consumed; here it is passed over. */
    private static <T> void parsed(String value, Function<String, T> parse, List<T> values) {
        try {
            values.add(parse.apply(value));
        } catch (InvalidMessageException unreadable) {
            // skipped, see above
        }
    }
}
