package dev.ktx.ingest.cli.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.ktx.ingest.core.plan.Plan;
import dev.ktx.ingest.core.plan.PlanTarget;
import dev.ktx.ingest.core.plan.PlannedStep;
import dev.ktx.ingest.core.plan.RunResults;
import dev.ktx.ingest.core.plan.Step;
import dev.ktx.ingest.core.plan.TargetResult;

import java.io.IOException;
import java.util.List;

/** Reads and writes the planner's JSON. */
final class PlannerJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .registerModule(new SimpleModule("ktx-plan")
                    .addDeserializer(Plan.class, new PlanDeserializer())
                    .addDeserializer(PlannedStep.class, new PlannedStepDeserializer()));

    private PlannerJson() {
    }

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
    static RunState runState(String json) throws JsonProcessingException {
        JsonNode run = JSON.readTree(json);
        Plan plan = JSON.treeToValue(run.path("plan"), Plan.class);
        List<TargetResult> results = JSON.convertValue(run.path("results"), new TypeReference<>() { });
        JsonNode exitCode = run.path("exitCode");
        return new RunState(run.path("runId").asText(), run.path("status").asText(),
                exitCode.isNumber() ? exitCode.asInt() : null, plan, RunResults.inPlanOrder(plan, results));
    }

    /** A plan is serialized as the list of its targets. */
    private static final class PlanDeserializer extends JsonDeserializer<Plan> {
        @Override
        public Plan deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return new Plan(parser.readValueAs(new TypeReference<List<PlanTarget>>() { }));
        }
    }

    /**
     * A planned step is serialized as its name only. Whether it was enabled is not on the wire; the CLI only
     * renders results (where a disabled step reports {@code skipped}), so it is taken as enabled.
     */
    private static final class PlannedStepDeserializer extends JsonDeserializer<PlannedStep> {
        @Override
        public PlannedStep deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return new PlannedStep(parser.readValueAs(Step.class), true);
        }
    }
}
