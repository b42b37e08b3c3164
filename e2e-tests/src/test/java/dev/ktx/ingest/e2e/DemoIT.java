package dev.ktx.ingest.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.ktx.ingest.connectors.metabase.MetabaseStubs;
import dev.ktx.ingest.connectors.notion.NotionStubs;
import dev.ktx.ingest.core.git.LocalContextRepository;
import dev.ktx.ingest.core.trace.TraceEvent;
import dev.ktx.ingest.core.trace.TraceEvents;
import dev.ktx.ingest.core.trace.TraceJson;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Seed scenario end to end: `ktx ingest --all` on a fresh copy of the demo through the packaged services. */
class DemoIT {

    private static final List<String> PLAN_ORDER = List.of("warehouse", "analytics_dbt", "docs", "prod_metabase");
    private static final Set<String> SOURCES = Set.of("analytics_dbt", "docs", "prod_metabase");
    private static final String METABASE_KEY = "mb_e2e_live_key";
    private static final String NOTION_TOKEN = "secret_e2e_notion";
    private static E2eStack stack;

    @RegisterExtension
    static final WireMockExtension METABASE = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @RegisterExtension
    static final WireMockExtension NOTION = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @BeforeAll
    static void up() throws Exception {
        stack = E2eStack.up(Map.of("E2E_METABASE_API_KEY", METABASE_KEY, "E2E_NOTION_TOKEN", NOTION_TOKEN));
    }

    @AfterAll
    static void down() {
        stack.close();
    }

    @Test
    void demoIngestLandsEverySourceInPlanOrderThroughTheLockedWindow() throws Exception {
        Path project = DemoProject.create();

        E2eStack.Result run = stack.ktx("ingest", "--all", "--project-dir", project.toString(), "--json");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(run.out());
        List<String> order = new ArrayList<>();
        report.get("results").forEach(target -> {
            order.add(target.get("connectionId").asText());
            target.get("steps")
                    .forEach(step -> assertThat(step.get("status").asText())
                            .as(target + " " + step)
                            .isIn("done", "skipped"));
        });
        assertThat(order).isEqualTo(PLAN_ORDER);

        try (LocalContextRepository repo = LocalContextRepository.open(project)) {
            assertThat(repo.sessions()).as("no session refs left").isEmpty();
            var main = repo.tree(repo.mainHead().orElseThrow());
            assertThat(main.listFiles("semantic-layer/warehouse/_schema"))
                    .contains("semantic-layer/warehouse/_schema/public.yaml");
            assertThat(main.exists("wiki/global/activation-policy-change-jan-2026.md"))
                    .isTrue();
            assertThat(main.exists("wiki/global/account-segmentation-rules.md")).isTrue();
            assertThat(main.listFiles("wiki/global")).anyMatch(p -> p.startsWith("wiki/global/metabase-"));
            assertThat(main.exists("semantic-layer/warehouse/legacy_revenue.yaml"))
                    .as("no overlay for the missing table")
                    .isFalse();
            assertThat(main.listFiles("wiki/global").stream()
                            .map(p -> main.readText(p).orElseThrow())
                            .filter(text -> text.contains("legacy_revenue")))
                    .allSatisfy(text -> assertThat(text).doesNotContain("sl_refs"));
        }

        List<TraceEvent> trace = trace(report.get("runId").asText());
        Instant barrier = first(trace, TraceEvents.STAGE_BARRIER_REACHED).at();
        List<TraceEvent> sourceStarts = trace.stream()
                .filter(e -> e.event().equals(TraceEvents.TARGET_STARTED) && SOURCES.contains(e.connectionId()))
                .toList();
        assertThat(sourceStarts)
                .hasSize(3)
                .allSatisfy(start -> assertThat(start.at()).isAfterOrEqualTo(barrier));
        assertThat(overlappingSourceJobs(trace))
                .as(
                        "source jobs ran in parallel: %s",
                        trace.stream()
                                .filter(e -> e.event().startsWith("target_"))
                                .map(e -> e.at() + " " + e.event() + " " + e.connectionId())
                                .toList())
                .isGreaterThanOrEqualTo(2);
        assertWindowsNeverOverlap(trace);

        int commits = DemoProject.log(project).size();
        E2eStack.Result again = stack.ktx("ingest", "--all", "--project-dir", project.toString());
        assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
        assertThat(DemoProject.log(project))
                .as("unchanged inputs add no commit")
                .hasSize(commits);
        assertEveryMonitoredMetricIsExported();
    }

    /**
     * The demo's Notion and Metabase read through their live APIs (WireMock serving the demo snapshots the way the
     * APIs answer, Notion in pages of 2 results) land the same {@code wiki/} and {@code semantic-layer/} trees as
     * the snapshot directories do.
     */
    @Test
    void liveApisLandTheSameWikiAndSemanticLayerAsTheSnapshots() throws Exception {
        Path snapshots = E2eStack.HOME.resolve("examples/acme/snapshots");
        MetabaseStubs.serve(METABASE, snapshots.resolve("metabase"));
        new NotionStubs(NOTION, 2).serve(snapshots.resolve("notion"));
        Path snapshotProject = DemoProject.create();
        Path liveProject = DemoProject.create();
        String config = DemoProject.read(liveProject, "ktx.yaml");
        DemoProject.amend(
                liveProject,
                Map.of(
                        "ktx.yaml",
                        config.substring(0, config.indexOf("  docs:"))
                                + """
                  docs:
                    driver: notion
                    api_url: %s
                    auth_token: env:E2E_NOTION_TOKEN
                    crawl_mode: search
                  prod_metabase:
                    driver: metabase
                    api_url: %s
                    api_key: env:E2E_METABASE_API_KEY
                    mappings:
                      databaseMappings:
                        "2": warehouse
                """.formatted(NOTION.baseUrl(), METABASE.baseUrl())
                                + config.substring(config.indexOf("ingest:"))));

        for (Path project : List.of(snapshotProject, liveProject)) {
            E2eStack.Result run = stack.ktx("ingest", "--all", "--project-dir", project.toString());
            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        }

        assertThat(METABASE.findAll(getRequestedFor(urlPathEqualTo("/api/card"))))
                .as("the live Metabase was read")
                .isNotEmpty()
                .allSatisfy(
                        request -> assertThat(request.getHeader("x-api-key")).isEqualTo(METABASE_KEY));
        assertThat(NOTION.findAll(postRequestedFor(urlPathEqualTo("/v1/search"))))
                .as("the live Notion was read")
                .isNotEmpty()
                .allSatisfy(request ->
                        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + NOTION_TOKEN));
        String snapshotTrees = new ContextRepoGit(snapshotProject).tree("main", "wiki", "semantic-layer");
        assertThat(snapshotTrees).contains("wiki/global/metabase-", "semantic-layer/warehouse/accounts.yaml");
        assertThat(new ContextRepoGit(liveProject).tree("main", "wiki", "semantic-layer"))
                .isEqualTo(snapshotTrees);
    }

    /** After a run, every metric the Grafana dashboard and the alert rules use is on some service's /q/metrics. */
    private static void assertEveryMonitoredMetricIsExported() throws Exception {
        Set<String> used = MonitoredMetrics.used();
        assertThat(used)
                .as("names read from the dashboard and alerts.yml")
                .contains("ktx_consumer_group_lag", "ktx_runs");
        Map<String, String> endpoints = stack.endpoints();
        Set<String> exported = MonitoredMetrics.exported(List.of(
                endpoints.get("KTX_PLANNER_URL"),
                endpoints.get("KTX_DATABASE_INGEST_URL"),
                endpoints.get("KTX_SOURCE_INGEST_URL"),
                endpoints.get("KTX_FINALIZER_URL")));
        assertThat(exported).as("metrics the services export").containsAll(used);
    }

    private static List<TraceEvent> trace(String runId) {
        E2eStack.Result result = stack.ktx("ingest", "trace", runId);
        assertThat(result.exitCode()).isZero();
        return result.out()
                .lines()
                .filter(line -> !line.isBlank())
                .map(TraceJson::fromLine)
                .toList();
    }

    private static TraceEvent first(List<TraceEvent> trace, String event) {
        return trace.stream()
                .filter(e -> e.event().equals(event))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + event + " in the trace"));
    }

    /** The largest number of source jobs between their target_started and target_finished at one moment. */
    private static int overlappingSourceJobs(List<TraceEvent> trace) {
        int running = 0;
        int most = 0;
        for (TraceEvent event : trace) {
            if (event.connectionId() == null || !SOURCES.contains(event.connectionId())) {
                continue;
            }
            if (event.event().equals(TraceEvents.TARGET_STARTED)) {
                most = Math.max(most, ++running);
            } else if (event.event().equals(TraceEvents.TARGET_FINISHED)) {
                running--;
            }
        }
        return most;
    }

    /**
     * Lock holds follow each other: each hold (named by its fencing token; sessions finalized together share one)
     * enters all its sessions before any leaves, and no other hold's event comes between its first and last.
     */
    static void assertWindowsNeverOverlap(List<TraceEvent> trace) {
        List<TraceEvent> windows = trace.stream()
                .filter(e -> e.event().equals(TraceEvents.FINAL_WINDOW_ENTERED)
                        || e.event().equals(TraceEvents.FINAL_WINDOW_LEFT))
                .toList();
        assertThat(windows).isNotEmpty();
        String events = windows.stream()
                .map(e -> e.event() + ":" + e.connectionId() + "@" + e.data().get("lockToken"))
                .collect(Collectors.joining(", "));
        Set<Object> finished = new HashSet<>();
        Object current = null;
        int inside = 0;
        boolean leaving = false;
        for (TraceEvent event : windows) {
            Object token = event.data().get("lockToken");
            boolean entered = event.event().equals(TraceEvents.FINAL_WINDOW_ENTERED);
            if (!token.equals(current)) {
                assertThat(inside)
                        .as("hold %s ended before the next: %s", current, events)
                        .isZero();
                assertThat(finished)
                        .as("hold %s appears once: %s", token, events)
                        .doesNotContain(token);
                assertThat(entered)
                        .as("hold %s starts by entering: %s", token, events)
                        .isTrue();
                if (current != null) {
                    finished.add(current);
                }
                current = token;
                leaving = false;
            }
            if (entered) {
                assertThat(leaving)
                        .as("hold %s enters no session after one left: %s", token, events)
                        .isFalse();
                inside++;
            } else {
                leaving = true;
                inside--;
            }
        }
        assertThat(inside).as("every entered window was left: %s", events).isZero();
    }
}
