package dev.ktx.ingest.core.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentinelCodecTest {

    @Test
    void encodesTheDocumentedFieldsWithUtcTimestamp() {
        Sentinel sentinel = new Sentinel(
                Sentinel.Outcome.conflict,
                Instant.parse("2026-01-02T03:04:05Z"),
                "abc123",
                List.of("a.md", "b.md"),
                "source refresh conflict before final_squash: a.md, b.md");

        assertThat(SentinelCodec.encode(sentinel))
                .isEqualTo("{\"outcome\":\"conflict\",\"at\":\"2026-01-02T03:04:05Z\","
                        + "\"baseSha\":\"abc123\",\"conflictPaths\":[\"a.md\",\"b.md\"],"
                        + "\"error\":\"source refresh conflict before final_squash: a.md, b.md\"}");
        assertThat(SentinelCodec.decode(SentinelCodec.encode(sentinel))).isEqualTo(sentinel);
    }

    @Test
    void omitsConflictPathsWhenThereAreNone() {
        Sentinel sentinel = new Sentinel(
                Sentinel.Outcome.crash, Instant.parse("2026-01-02T03:04:05.120Z"), null, List.of(), "boom");

        assertThat(SentinelCodec.encode(sentinel))
                .isEqualTo(
                        "{\"outcome\":\"crash\",\"at\":\"2026-01-02T03:04:05.120Z\",\"baseSha\":null,\"error\":\"boom\"}");
        assertThat(SentinelCodec.decode(SentinelCodec.encode(sentinel))).isEqualTo(sentinel);
    }

    @Test
    void rejectsMessagesThatAreNotSentinels() {
        assertThatThrownBy(() -> SentinelCodec.decode("ktx: refresh")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SentinelCodec.decode("{\"outcome\":\"unknown\",\"at\":\"2026-01-02T03:04:05Z\"}"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
