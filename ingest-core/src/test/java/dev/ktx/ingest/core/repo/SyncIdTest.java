package dev.ktx.ingest.core.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SyncIdTest {

    @Test
    void formatsInUtcToTheSecond() {
        SyncId id = new SyncId(Instant.parse("2026-01-02T03:04:05.987Z"), "job-7");
        assertThat(id).hasToString("2026-01-02-030405-job-7");
    }

    @Test
    void parsesWhatItFormats() {
        SyncId id = SyncId.parse("2026-12-31-235959-0f3a_b");
        assertThat(id.startedAt()).isEqualTo(Instant.parse("2026-12-31T23:59:59Z"));
        assertThat(id.jobId()).isEqualTo("0f3a_b");
        assertThat(SyncId.parse(id.toString())).isEqualTo(id);
    }

    @Test
    void rejectsMalformedIds() {
        assertThatThrownBy(() -> SyncId.parse("2026-01-02-030405")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SyncId.parse("2026-13-02-030405-j")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SyncId(Instant.EPOCH, "a/b")).isInstanceOf(IllegalArgumentException.class);
    }
}
