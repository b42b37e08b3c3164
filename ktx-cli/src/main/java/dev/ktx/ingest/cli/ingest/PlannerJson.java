package dev.ktx.ingest.cli.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.ktx.ingest.core.api.RunView;
import dev.ktx.ingest.core.plan.RunResults;

/** Reads and writes the planner's JSON. */
final class PlannerJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private PlannerJson() {}

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value, e);
        }
    }

    static <T> T read(String json, Class<T> type) throws JsonProcessingException {
        return JSON.readValue(json, type);
    }

    /** The body of {@code GET /api/ingests/{runId}}; results are put in plan order (they already are). */
    static RunView runView(String json) throws JsonProcessingException {
        RunView run = read(json, RunView.class);
        return new RunView(
                run.runId(),
                run.status(),
                run.exitCode(),
                run.plan(),
                RunResults.inPlanOrder(run.plan(), run.results().targets()));
    }
}
