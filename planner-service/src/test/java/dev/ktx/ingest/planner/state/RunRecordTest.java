package dev.ktx.ingest.planner.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ktx.ingest.core.api.RunTrigger;
import dev.ktx.ingest.core.config.IngestSettings;
import dev.ktx.ingest.core.messaging.MessageCodec;
import dev.ktx.ingest.core.messaging.ProjectRef;
import dev.ktx.ingest.core.plan.PlanRequest;
import dev.ktx.ingest.core.plan.RunDeadlines;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Run records as stored in Redis and in the repository: new fields are optional, so older records still read. */
class RunRecordTest {

    @Test
    void aRecordWrittenBeforeTargetSetsAndTriggersReadsAsItsConnection() {
        RunRecord old = MessageCodec.read("""
                {"runId":"r-1","project":{"projectId":"acme","projectDir":"/repos/acme"},"connectionId":"docs","all":false,
                 "configCommit":"abc","sourcesMaxConcurrency":2,"startedAt":"2026-12-01T10:00:00Z"}""", RunRecord.class);

        assertThat(old.targets()).isNull();
        assertThat(old.trigger()).isNull();
        assertThat(old.planRequest()).isEqualTo(PlanRequest.connection("docs"));
    }

    @Test
    void aRunOverASetOfTargetsKeepsItsSetAndTrigger() {
        RunRecord run = new RunRecord(
                "r-2",
                new ProjectRef("acme", "/repos/acme"),
                null,
                false,
                "abc",
                1,
                RunDeadlines.of(IngestSettings.DEFAULTS),
                Instant.parse("2026-12-01T10:00:00Z"),
                List.of("warehouse", "docs"),
                RunTrigger.events(List.of("evt-1", "evt-2")));

        RunRecord read = MessageCodec.read(MessageCodec.write(run), RunRecord.class);

        assertThat(read).isEqualTo(run);
        assertThat(MessageCodec.write(run)).contains("\"kind\":\"event\"");
        assertThat(read.planRequest()).isEqualTo(PlanRequest.connections(List.of("docs", "warehouse"), false));
        assertThat(MessageCodec.write(RunTrigger.of(RunTrigger.Kind.request_message)))
                .isEqualTo("{\"kind\":\"request-message\"}");
    }
}
