package dev.ktx.ingest.planner.dlq;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * One dead letter as {@code GET /api/dlq/{topic}} shows it: where it sits, when it was dead-lettered, why, its key,
 * the start of its value (on one line) and, when it was replayed, when.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeadLetterView(
        int partition, long offset, Instant time, String reason, String key, String preview, Instant replayedAt) {

    static final int PREVIEW_LENGTH = 120;
    static final String REASON_HEADER = "dead-letter-reason";

    static DeadLetterView of(ConsumerRecord<byte[], byte[]> record, Instant replayedAt) {
        Header reason = record.headers().lastHeader(REASON_HEADER);
        return new DeadLetterView(
                record.partition(),
                record.offset(),
                Instant.ofEpochMilli(record.timestamp()),
                text(reason == null ? null : reason.value()),
                text(record.key()),
                preview(text(record.value())),
                replayedAt);
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private static String preview(String value) {
        if (value == null) {
            return null;
        }
        String line = value.replaceAll("\\s+", " ").strip();
        return line.length() <= PREVIEW_LENGTH ? line : line.substring(0, PREVIEW_LENGTH - 1) + "…";
    }
}
