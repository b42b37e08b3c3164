package dev.ktx.ingest.core.plan;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * What {@code ktx ingest --json} prints: {@code {runId, plan, results}}.
 *
 * @param runId null for a dry run, which has no run
 */
@JsonPropertyOrder({"runId", "plan", "results"})
public record RunReport(String runId, Plan plan, RunResults results) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public RunReport {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(results, "results");
    }

    /** Compact, deterministic JSON (fixed property order, targets in plan order). */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
