package dev.ktx.ingest.connectors.dbt;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * dbt exposures (the dashboards, notebooks and apps downstream of a project), as one line per exposure for each
 * model or source it depends on, e.g. {@code dashboard Weekly KPIs (owner: Finance) https://bi.example/12}: telling
 * an agent what a table feeds is what exposures are for.
 */
final class ExposureLines {

    private ExposureLines() {}

    /** Node id → the lines of the exposures that depend on it, in exposure id order. */
    static Map<String, List<String>> byNode(JsonNode exposures) {
        Map<String, List<String>> lines = new TreeMap<>();
        ManifestJsonReader.fields(exposures).values().forEach(exposure -> {
            String line = line(exposure);
            exposure.path("depends_on")
                    .path("nodes")
                    .forEach(node -> lines.computeIfAbsent(node.asText(), id -> new ArrayList<>())
                            .add(line));
        });
        return lines;
    }

    private static String line(JsonNode exposure) {
        String label = exposure.path("label").asText("");
        StringBuilder line = new StringBuilder(exposure.path("type").asText("exposure"))
                .append(' ')
                .append(label.isBlank() ? exposure.path("name").asText() : label);
        String owner = exposure.path("owner")
                .path("name")
                .asText(exposure.path("owner").path("email").asText(""));
        if (!owner.isBlank()) {
            line.append(" (owner: ").append(owner).append(')');
        }
        String url = exposure.path("url").asText("");
        if (!url.isBlank()) {
            line.append(' ').append(url);
        }
        return line.toString();
    }
}
