package dev.ktx.ingest.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * A finished run as {@code ktx ingest status <runId> --json} reports it: {@code {runId, plan, results}}.
 *
 * @param cli what the waiting {@code ktx ingest --all} returned, when the run was started that way
 */
record RunOutcome(String runId, JsonNode report, Optional<E2eStack.Result> cli) {

    /** Target ids in plan order. */
    List<String> plan() {
        return ids(report.get("plan"));
    }

    /** Target ids of the results, in the order reported. */
    List<String> reported() {
        return ids(report.get("results"));
    }

    /** {@code failed} if a step failed, {@code not-run} if none ran, else {@code done} (done or skipped steps). */
    String status(String connectionId) {
        List<String> statuses = steps(connectionId).stream()
                .map(step -> step.get("status").asText())
                .toList();
        if (statuses.contains("failed")) {
            return "failed";
        }
        return statuses.stream().allMatch("not-run"::equals) ? "not-run" : "done";
    }

    boolean isDone(String connectionId) {
        return status(connectionId).equals("done");
    }

    /** One line per target, {@code id: step status (detail), ...}, for failure messages. */
    String describe() {
        List<String> lines = new ArrayList<>();
        report.get("results")
                .forEach(target -> lines.add(target.get("connectionId").asText() + ": "
                        + StreamSupport.stream(target.get("steps").spliterator(), false)
                                .map(step -> step.get("step").asText() + " "
                                        + step.get("status").asText()
                                        + (step.hasNonNull("detail")
                                                ? " (" + step.get("detail").asText() + ")"
                                                : ""))
                                .collect(Collectors.joining(", "))));
        return "run " + runId + "\n  " + String.join("\n  ", lines);
    }

    private List<JsonNode> steps(String connectionId) {
        for (JsonNode target : report.get("results")) {
            if (target.get("connectionId").asText().equals(connectionId)) {
                return StreamSupport.stream(target.get("steps").spliterator(), false)
                        .toList();
            }
        }
        return List.of();
    }

    private static List<String> ids(JsonNode targets) {
        return StreamSupport.stream(targets.spliterator(), false)
                .map(t -> t.get("connectionId").asText())
                .toList();
    }
}
