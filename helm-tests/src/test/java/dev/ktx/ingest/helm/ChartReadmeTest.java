package dev.ktx.ingest.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The chart's README documents every value of values.yaml. */
class ChartReadmeTest {

    /** Values documented as a whole (a Kubernetes object passed through), not key by key. */
    private static final Set<String> DOCUMENTED_WHOLE = Set.of("resources", "liveness", "readiness", "securityContext");

    @Test
    void everyValueIsInTheValuesTable() throws IOException {
        String readme = Files.readString(HelmChart.DIR.resolve("README.md"));
        List<String> values = new ArrayList<>();
        collectPaths(HelmChart.values(), "", values);

        assertThat(values).contains("kafka.bootstrapServers", "sourceIngest.keda.lagThreshold", "planner.resources");
        assertThat(values)
                .as("values missing from the table in README.md")
                .filteredOn(value -> !readme.contains("| `" + value + "`"))
                .isEmpty();
    }

    private static void collectPaths(Map<?, ?> node, String prefix, List<String> paths) {
        node.forEach((key, value) -> {
            String path = prefix + key;
            if (value instanceof Map<?, ?> map && !map.isEmpty() && !DOCUMENTED_WHOLE.contains(key.toString())) {
                collectPaths(map, path + ".", paths);
            } else {
                paths.add(path);
            }
        });
    }
}
