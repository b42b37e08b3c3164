package dev.ktx.ingest.core.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlTraceWriterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:15:30Z"), ZoneOffset.UTC);

    @Test
    void writesOneJsonObjectPerLineWithAbsentFieldsOmitted(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("traces/run.jsonl");
        try (JsonlTraceWriter writer = new JsonlTraceWriter(file)) {
            TargetTracer tracer = new TargetTracer(writer, CLOCK, "run-1", "warehouse");
            tracer.info("before_final_squash", TraceEvents.FINAL_WINDOW_ENTERED, Map.of("lockToken", 7));
            tracer.timed("before_final_squash", TraceEvents.FINAL_WINDOW_LEFT, 42, null);
        }

        List<String> lines = Files.readAllLines(file);
        assertThat(lines)
                .containsExactly(
                        "{\"schemaVersion\":1,\"at\":\"2026-11-24T10:15:30Z\",\"level\":\"info\",\"runId\":\"run-1\","
                                + "\"connectionId\":\"warehouse\",\"phase\":\"before_final_squash\","
                                + "\"event\":\"final_window_entered\",\"data\":{\"lockToken\":7}}",
                        "{\"schemaVersion\":1,\"at\":\"2026-11-24T10:15:30Z\",\"level\":\"info\",\"runId\":\"run-1\","
                                + "\"connectionId\":\"warehouse\",\"phase\":\"before_final_squash\","
                                + "\"event\":\"final_window_left\",\"durationMs\":42}");
        TraceEvent back = TraceJson.fromLine(lines.get(0));
        assertThat(back.event()).isEqualTo(TraceEvents.FINAL_WINDOW_ENTERED);
        assertThat(back.data()).containsEntry("lockToken", 7);
    }

    @Test
    void concurrentEmittersNeverInterleaveWithinALine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("run.jsonl");
        try (JsonlTraceWriter writer = new JsonlTraceWriter(file)) {
            IntStream.range(0, 400)
                    .parallel()
                    .forEach(i -> new TargetTracer(writer, CLOCK, "run-" + i, "c")
                            .error("p", "e", Map.of("i", i), "x".repeat(500)));
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(400);
        assertThat(lines)
                .allSatisfy(line -> assertThat(TraceJson.fromLine(line).error()).hasSize(500));
    }
}
