package dev.ktx.ingest.core.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ktx.ingest.core.config.Driver;
import dev.ktx.ingest.core.plan.Operation;
import dev.ktx.ingest.core.plan.Step;
import dev.ktx.ingest.core.plan.StepResult;
import dev.ktx.ingest.core.plan.StepStatus;
import dev.ktx.ingest.core.plan.TargetResult;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageCodecTest {

    private static final ProjectRef ACME = new ProjectRef("acme", "/srv/acme");

    @Test
    void everyMessageRoundTrips() {
        TargetResult result = new TargetResult(
                "docs",
                Driver.NOTION,
                Operation.SOURCE_INGEST,
                List.of(new StepResult(Step.SOURCE_INGEST, StepStatus.DONE, null)));
        List<Object> messages = List.of(
                IngestRequestMessage.of(ACME, null, true),
                IngestRequestMessage.of(ACME, "docs", false).withRequestId("req-42"),
                TargetJobMessage.of("run-1", ACME, "docs", "job-1", "abc123"),
                FinalizeRequestMessage.of("run-1", ACME, List.of("warehouse"), result)
                        .asResumed(),
                TargetResultMessage.of("run-1", ACME, result),
                TargetResultMessage.of("run-1", null, result),
                StageEventMessage.databaseStageComplete("run-1", ACME, Instant.parse("2026-11-24T10:00:00Z")),
                StageEventMessage.targetParked("run-1", ACME, "docs", Instant.parse("2026-11-24T10:00:00Z")));

        for (Object message : messages) {
            assertThat(MessageCodec.read(MessageCodec.write(message), message.getClass()))
                    .isEqualTo(message);
        }
    }

    @Test
    void writesSchemaVersionAndWireNames() {
        String json = MessageCodec.write(
                StageEventMessage.databaseStageComplete("run-1", null, Instant.parse("2026-11-24T10:00:00Z")));

        assertThat(json)
                .isEqualTo("{\"schemaVersion\":1,\"runId\":\"run-1\",\"stage\":\"database_stage_complete\","
                        + "\"at\":\"2026-11-24T10:00:00Z\"}");
    }

    @Test
    void anIngestRequestWithoutRequestIdKeepsItsVersionOneForm() {
        String before = "{\"schemaVersion\":1,\"project\":{\"projectId\":\"acme\",\"projectDir\":\"/srv/acme\"},"
                + "\"connectionId\":null,\"all\":true}";

        assertThat(MessageCodec.write(IngestRequestMessage.of(ACME, null, true)))
                .isEqualTo(before);
        assertThat(MessageCodec.read(before, IngestRequestMessage.class).requestId())
                .isNull();
        assertThat(MessageCodec.read(
                                "{\"schemaVersion\":1,\"project\":{\"projectId\":\"a\",\"projectDir\":\"/a\"},"
                                        + "\"all\":true,\"requestId\":\"r-1\"}",
                                IngestRequestMessage.class)
                        .requestId())
                .isEqualTo("r-1");
    }

    @Test
    void unreadableMessagesNameTheProblem() {
        assertThatThrownBy(() -> MessageCodec.read("not json", TargetJobMessage.class))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessageStartingWith("unreadable TargetJobMessage: ");
        assertThatThrownBy(() -> MessageCodec.read("", TargetJobMessage.class))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessage("empty TargetJobMessage");
        assertThatThrownBy(() -> MessageCodec.read("{\"schemaVersion\":1,\"runId\":\"r\"}", TargetJobMessage.class))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessage("invalid TargetJobMessage: project is required");
        assertThatThrownBy(() -> MessageCodec.read("{\"schemaVersion\":7,\"runId\":\"r\"}", TargetResultMessage.class))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessage("invalid TargetResultMessage: unsupported schemaVersion 7 (supported: 1)");
        assertThatThrownBy(() -> MessageCodec.read(
                        "{\"schemaVersion\":1,\"project\":{\"projectId\":\"a\",\"projectDir\":\"/a\"},\"connectionId\":\"x\",\"all\":true}",
                        IngestRequestMessage.class))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessage("invalid IngestRequestMessage: give either connectionId or all=true");
    }
}
