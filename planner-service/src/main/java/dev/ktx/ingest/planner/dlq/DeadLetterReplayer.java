package dev.ktx.ingest.planner.dlq;

import dev.ktx.ingest.planner.outbound.PlannerPublisher;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes dead letters again to their source topic: the same key, value and headers as bytes, less the headers the
 * dead-letter strategy added. The source topic's consumer handles the record as if it had never failed. Each replay is
 * recorded in the {@link ReplayLedger}; a record replayed before is refused (one record) or passed over (all of them)
 * unless forced.
 */
@ApplicationScoped
public class DeadLetterReplayer {

    private static final String DEAD_LETTER_HEADERS = "dead-letter-";

    /** What a replay did: the records published, and those passed over; each with the time of its (last) replay. */
    public record Outcome(Map<DeadLetterId, Instant> replayed, Map<DeadLetterId, Instant> skipped) {}

    private final Map<String, Object> kafka;
    private final ReplayLedger ledger;
    private final PlannerPublisher publisher;
    private final Clock clock = Clock.systemUTC();

    public DeadLetterReplayer(
            @Identifier("default-kafka-broker") Map<String, Object> kafka,
            ReplayLedger ledger,
            PlannerPublisher publisher) {
        this.kafka = kafka;
        this.ledger = ledger;
        this.publisher = publisher;
    }

    /** @throws AlreadyReplayedException when the record was replayed before and {@code force} is not set */
    public Outcome replay(DeadLetterTopic topic, ConsumerRecord<byte[], byte[]> record, boolean force) {
        Outcome outcome = replay(topic, List.of(record), force);
        outcome.skipped().forEach((id, earlier) -> {
            throw new AlreadyReplayedException(id, earlier);
        });
        return outcome;
    }

    /** Replays the records in order; without {@code force} those replayed before are passed over. */
    public Outcome replay(DeadLetterTopic topic, List<ConsumerRecord<byte[], byte[]>> records, boolean force) {
        Map<DeadLetterId, Instant> replayed = new LinkedHashMap<>();
        Map<DeadLetterId, Instant> skipped = new LinkedHashMap<>();
        // replays are rare operator actions: a producer of their own keeps raw bytes and needs no channel per topic
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(producerConfig(), new ByteArraySerializer(), new ByteArraySerializer())) {
            for (ConsumerRecord<byte[], byte[]> record : records) {
                DeadLetterId id = DeadLetterId.of(record);
                Instant now = clock.instant();
                Optional<Instant> earlier = force ? Optional.empty() : ledger.claim(id, now);
                if (earlier.isPresent()) {
                    skipped.put(id, earlier.get());
                    continue;
                }
                publish(producer, topic, record, id, force);
                if (force) {
                    ledger.mark(id, now);
                }
                replayed.put(id, now);
            }
        }
        return new Outcome(replayed, skipped);
    }

    /** A claim is given back when the broker did not take the record, so that it can be replayed later. */
    private void publish(
            KafkaProducer<byte[], byte[]> producer,
            DeadLetterTopic topic,
            ConsumerRecord<byte[], byte[]> record,
            DeadLetterId id,
            boolean force) {
        List<Header> headers = StreamSupport.stream(record.headers().spliterator(), false)
                .filter(header -> !header.key().startsWith(DEAD_LETTER_HEADERS))
                .toList();
        CompletableFuture<Void> sent = new CompletableFuture<>();
        producer.send(
                new ProducerRecord<>(topic.source(), null, record.key(), record.value(), headers),
                (metadata, failure) -> {
                    if (failure == null) {
                        sent.complete(null);
                    } else {
                        sent.completeExceptionally(failure);
                    }
                });
        try {
            publisher.await(id + " to " + topic.source(), List.of(sent));
        } catch (RuntimeException e) {
            if (!force) {
                ledger.release(id);
            }
            throw e;
        }
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>(kafka);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "ktx-planner-dlq-replay-" + UUID.randomUUID());
        return config;
    }
}
