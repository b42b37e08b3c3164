package dev.ktx.ingest.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ktx.ingest.core.messaging.Topics;
import dev.ktx.ingest.core.trace.TraceEvent;
import dev.ktx.ingest.core.trace.TraceEvents;
import dev.ktx.ingest.testinfra.TopicProbe;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Messages delivered more than once, as at-least-once delivery allows (docs/reliability.md, drills g and h):
 * duplicates must change nothing, and neither must a replay of every topic from its first record.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedeliveryFaultIT extends FaultSuite {

    private static final List<String> DUPLICATED = List.of(
                    Topics.JOBS_DATABASE,
                    Topics.JOBS_SOURCE,
                    Topics.FINALIZE_REQUESTS,
                    Topics.INGEST_RESULTS,
                    Topics.INGEST_STAGES)
            .stream()
            .map(topic -> Topics.DEFAULT_PREFIX + topic)
            .toList();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** (h) First, so that the replay holds this drill's run only, not the duplicates of the next one. */
    @Test
    @Order(1)
    void replayOfEveryTopicFromTheStartChangesNothing() throws Exception {
        try (Drill drill = Drill.start(stack)) {
            drill.awaitFinal();
            stack.settle();
            stack.replayFromTheStart();

            drill.check(drill.reread());
        }
    }

    /** (g) The request delivered twice, and a copy of every job, finalize request, result and stage event. */
    @Test
    @Order(2)
    void duplicateOfEveryMessageChangesNothing() throws Exception {
        try (TopicDuplicator duplicator = TopicDuplicator.start(stack.kafka(), DUPLICATED);
                Drill drill = Drill.start(stack, RedeliveryFaultIT::requestedTwice)) {
            RunOutcome outcome = drill.awaitFinal();
            duplicator.close(); // the check's second run is delivered once
            String projectId = drill.project().getFileName().toString();
            drill.softly()
                    .assertThat(drill.traces()
                            .count(e -> e.event().equals(TraceEvents.RUN_STARTED)
                                    && e.data() != null
                                    && projectId.equals(e.data().get("projectId"))))
                    .as("runs started by one request delivered twice")
                    .isEqualTo(1);
            drill.softly()
                    .assertThat(duplicator.copies())
                    .as("topics whose messages were delivered twice")
                    .containsKeys(DUPLICATED.toArray(String[]::new));

            drill.check(outcome);
        }
    }

    /** Publishes one ingest request (with its {@code requestId}) twice on {@code ingest.requests}. */
    private static IngestRun requestedTwice(FaultStack stack, Path project, TraceWatch traces) {
        String projectId = project.getFileName().toString();
        ObjectNode request = JSON.createObjectNode()
                .put("schemaVersion", 1)
                .put("requestId", UUID.randomUUID().toString())
                .put("all", true);
        request.putObject("project").put("projectId", projectId).put("projectDir", project.toString());
        for (int delivery = 0; delivery < 2; delivery++) {
            TopicProbe.send(
                    stack.kafka(), Topics.DEFAULT_PREFIX + Topics.INGEST_REQUESTS, projectId, request.toString());
        }
        TraceEvent started = traces.awaitAfter(
                0,
                "run_started of " + projectId,
                e -> e.event().equals(TraceEvents.RUN_STARTED)
                        && e.data() != null
                        && projectId.equals(e.data().get("projectId")),
                Drill.RUN_BOUND);
        return IngestRun.follow(stack.cli(), started.runId(), Drill.RUN_BOUND);
    }
}
