package dev.ktx.ingest.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * The metric names the Grafana dashboard and the Prometheus alert rules use, read from their PromQL, and the names
 * the services export on {@code /q/metrics}.
 */
final class MonitoredMetrics {

    private static final Path DASHBOARD = E2eStack.HOME.resolve("deploy/grafana/dashboards/ktx-ingest.json");
    private static final Path ALERTS = E2eStack.HOME.resolve("deploy/prometheus/alerts.yml");
    /** Label lists of grouping and matching clauses, strings, label matchers and ranges name no metric. */
    private static final Pattern NOT_METRICS = Pattern.compile(
            "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)|\"[^\"]*\"|\\{[^}]*}|\\[[^]]*]");

    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private MonitoredMetrics() {}

    /** Every metric name in the dashboard's and the alert rules' expressions. */
    static Set<String> used() throws IOException {
        List<String> expressions = new ArrayList<>();
        new ObjectMapper()
                .readTree(DASHBOARD.toFile())
                .findValues("expr")
                .forEach(expr -> expressions.add(expr.asText()));
        Map<String, List<Map<String, List<Map<String, Object>>>>> alerts = new Yaml().load(Files.readString(ALERTS));
        alerts.get("groups")
                .forEach(
                        group -> group.get("rules").forEach(rule -> expressions.add(String.valueOf(rule.get("expr")))));
        Set<String> names = new TreeSet<>();
        expressions.forEach(expression -> names.addAll(names(expression)));
        return names;
    }

    /** The metric names of one PromQL expression: identifiers that are not functions, keywords or label names. */
    static Set<String> names(String promql) {
        String stripped = NOT_METRICS.matcher(promql).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher name = NAME.matcher(stripped);
        while (name.find()) {
            boolean function = stripped.substring(name.end()).stripLeading().startsWith("(");
            if (!function && !KEYWORDS.contains(name.group())) {
                names.add(name.group());
            }
        }
        return names;
    }

    /** The sample names the services at {@code baseUrls} export now. */
    static Set<String> exported(Collection<String> baseUrls) throws IOException, InterruptedException {
        Set<String> names = new TreeSet<>();
        for (String baseUrl : baseUrls) {
            String text = HTTP.send(
                            HttpRequest.newBuilder(URI.create(baseUrl + "/q/metrics"))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            text.lines()
                    .filter(line -> !line.startsWith("#") && !line.isBlank())
                    .map(line -> NAME.matcher(line))
                    .filter(Matcher::lookingAt)
                    .forEach(m -> names.add(m.group()));
        }
        return names;
    }
}
