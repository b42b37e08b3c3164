package dev.ktx.ingest.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Prometheus scrapes every service replica; Grafana gets Prometheus and a dashboard of the docs/operations.md metrics. */
class MonitoringTest {

    private static final List<String> SERVICES = ComposeFile.KTX_SERVICES;
    private static final ComposeFile COMPOSE = ComposeFile.load();
    private static final String PROMETHEUS_CONFIG = "deploy/prometheus/prometheus.yml";
    private static final String DASHBOARD = "deploy/grafana/dashboards/ktx-ingest.json";
    private static final String DATA_SOURCES = "deploy/grafana/provisioning/datasources/prometheus.yml";

    @ParameterizedTest
    @FieldSource("SERVICES")
    void prometheusScrapesTheServiceMetricsOnItsPort(String service) {
        String port = COMPOSE.httpPort(service);
        List<?> scrapeConfigs = (List<?>) RepoFiles.yaml(PROMETHEUS_CONFIG).get("scrape_configs");

        assertThat(scrapeConfigs)
                .filteredOn(job -> scrapes((Map<?, ?>) job, service, port))
                .hasSize(1);
    }

    @Test
    void prometheusAndGrafanaGetTheirConfiguration() {
        assertThat(ComposeFile.strings(COMPOSE.service("prometheus"), "volumes"))
                .contains("./" + PROMETHEUS_CONFIG + ":/etc/prometheus/prometheus.yml:ro");
        assertThat(ComposeFile.strings(COMPOSE.service("grafana"), "volumes"))
                .contains(
                        "./deploy/grafana/provisioning:/etc/grafana/provisioning:ro",
                        "./deploy/grafana/dashboards:" + dashboardProviderPath() + ":ro");
    }

    @Test
    void grafanaDataSourceIsTheComposePrometheus() {
        Map<?, ?> dataSource = first(DATA_SOURCES, "datasources");

        assertThat(dataSource.get("type")).isEqualTo("prometheus");
        assertThat(dataSource.get("url")).isEqualTo("http://prometheus:9090");
        assertThat(COMPOSE.services()).containsKey("prometheus");
    }

    @Test
    void dashboardShowsLagTargetsLockWaitAndJobsInFlight() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(RepoFiles.read(DASHBOARD));
        Object dataSourceUid = first(DATA_SOURCES, "datasources").get("uid");

        List<JsonNode> targets = dashboard.get("panels").findValues("targets").stream()
                .flatMap(JsonNode::valueStream)
                .toList();
        String queries = String.join(
                "\n",
                targets.stream().map(target -> target.get("expr").asText()).toList());
        assertThat(queries)
                .contains(
                        "kafka_consumer_fetch_manager_records_lag_max",
                        "ktx_target_total",
                        "ktx_finalizer_lock_wait_seconds",
                        "ktx_source_jobs_in_flight");
        assertThat(targets)
                .extracting(target -> target.at("/datasource/uid").asText())
                .containsOnly(dataSourceUid.toString());
    }

    private static String dashboardProviderPath() {
        Map<?, ?> provider = first("deploy/grafana/provisioning/dashboards/ktx.yml", "providers");
        return ((Map<?, ?>) provider.get("options")).get("path").toString();
    }

    private static Map<?, ?> first(String file, String listKey) {
        return (Map<?, ?>) ((List<?>) RepoFiles.yaml(file).get(listKey)).get(0);
    }

    private static boolean scrapes(Map<?, ?> job, String service, String port) {
        return "/q/metrics".equals(job.get("metrics_path"))
                && job.get("dns_sd_configs") instanceof List<?> discovery
                && discovery.stream()
                        .map(Map.class::cast)
                        .anyMatch(names -> names.get("names") instanceof List<?> hosts
                                && hosts.contains(service)
                                && port.equals(String.valueOf(names.get("port"))));
    }
}
