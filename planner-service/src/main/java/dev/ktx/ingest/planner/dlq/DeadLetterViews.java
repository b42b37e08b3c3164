package dev.ktx.ingest.planner.dlq;

import dev.ktx.ingest.core.api.DeadLetterView;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** A dead-letter record as the operators see it: its reason header, its key and a one-line preview of its value. */
final class DeadLetterViews {

    private static final int PREVIEW_LENGTH = 120;
    private static final String REASON_HEADER = "dead-letter-reason";

    private DeadLetterViews() {}

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
