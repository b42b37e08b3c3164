package dev.ktx.ingest.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ktx.ingest.core.git.LocalContextRepository;
import dev.ktx.ingest.core.repo.RepoTree;
import dev.ktx.ingest.core.trace.TraceEvent;
import dev.ktx.ingest.core.trace.TraceEvents;
import dev.ktx.ingest.core.trace.TraceJson;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Parallel sources whose outputs overlap or refer to each other (docs/ingest-core.md, "Refresh: merge by meaning"
 * and "Parking"): whether a run passes never depends on how fast one source is compared with another.
 */
class ParallelSourcesIT {

    /** The source that creates the pages the Notion source refers to, slowed far past any deferral budget. */
    private static final String SLOW_DBT = "slow_dbt";

    private static final String SLOWDOWN = "90s";

    private static E2eStack stack;

    @BeforeAll
    static void up() throws Exception {
        stack = E2eStack.up(Map.of("KTX_SOURCE_INGEST_MIN_JOB_DURATION_BY_CONNECTION", SLOW_DBT + "=" + SLOWDOWN));
    }

    @AfterAll
    static void down() {
        stack.close();
    }

    @Test
    void referrerParksUntilTheSlowSourceThatCreatesItsPagesLands() throws Exception {
        Path project = DemoProject.create();
        DemoProject.amend(
                project,
                Map.of(
                        "ktx.yaml",
                        DemoProject.read(project, "ktx.yaml")
                                .replace("analytics_dbt:", SLOW_DBT + ":")
                                .replaceAll("(?s)  prod_metabase:.*?\"2\": warehouse\n", "")));

        JsonNode report = ingest(project, 0);

        try (LocalContextRepository repo = LocalContextRepository.open(project)) {
            RepoTree main = repo.tree(repo.mainHead().orElseThrow());
            assertThat(main.readText("wiki/global/onboarding-playbook.md").orElseThrow())
                    .contains("activation-policy-change-jan-2026");
            assertThat(repo.sessions()).isEmpty();
        }
        List<TraceEvent> trace = trace(report);
        String timeline = trace.stream()
                .filter(e -> e.connectionId() != null)
                .map(e -> e.at() + " " + e.connectionId() + " " + e.event())
                .collect(Collectors.joining("\n"));
        assertThat(named(trace, TraceEvents.FINALIZE_PARKED, "docs"))
                .as("docs finished first and parked:\n" + timeline)
                .isNotEmpty();
        // Once parked, docs lands either in the slow source's window (finalized together: no working peer is left)
        // or when resumed after it: never more than one further window.
        assertThat(named(trace, TraceEvents.FINAL_WINDOW_ENTERED, "docs"))
                .as("windows entered for the parked session:\n" + timeline)
                .hasSize(2);
        DemoIT.assertWindowsNeverOverlap(trace);
    }

    @Test
    void sourcesReferringToEachOthersPagesLandTogether() throws Exception {
        Path project = DemoProject.create();
        DemoProject.amend(
                project,
                Map.of(
                        "dbt/models/docs.md",
                        DemoProject.read(project, "dbt/models/docs.md")
                                .replace(
                                        "see [[account-segmentation-rules]].",
                                        "see [[account-segmentation-rules]] and [[onboarding-playbook]].")));

        JsonNode report = ingest(project, 0);

        try (LocalContextRepository repo = LocalContextRepository.open(project)) {
            RepoTree main = repo.tree(repo.mainHead().orElseThrow());
            assertThat(main.readText("wiki/global/activation-policy-change-jan-2026.md")
                            .orElseThrow())
                    .contains("onboarding-playbook");
            assertThat(main.exists("wiki/global/onboarding-playbook.md")).isTrue();
        }
        DemoIT.assertWindowsNeverOverlap(trace(report));
    }

    @Test
    void aReferenceThatNoPeerProducesFailsWithTheGateMessageOnceEveryPeerIsFinal() throws Exception {
        Path project = DemoProject.create();
        DemoProject.amend(
                project,
                Map.of(
                        "dbt/models/docs.md",
                        DemoProject.read(project, "dbt/models/docs.md")
                                .replace(
                                        "see [[account-segmentation-rules]].",
                                        "see [[account-segmentation-rules]] and [[no-such-page]].")));

        JsonNode report = ingest(project, 1);

        assertThat(detail(report, "analytics_dbt"))
                .startsWith("final artifact gates failed:\n")
                .contains("activation-policy-change-jan-2026 -> no-such-page");
        assertThat(detail(report, "prod_metabase")).isNull();
    }

    @Test
    void twoSourcesWritingOnePageKeyStillConflictAndOnlyOneFails() throws Exception {
        Path project = DemoProject.create();
        String page = "snapshots/notion/pages/c47a1e92-3b5d-4f60-8e27-91d4b6a0c3f5/page.json";
        DemoProject.amend(
                project,
                Map.of(
                        page,
                        DemoProject.read(project, page)
                                .replace("Weekly metrics review", "Account segmentation rules")));

        JsonNode report = ingest(project, 1);

        assertThat(detail(report, "docs"))
                .startsWith("source refresh conflict before ")
                .contains("wiki/global/account-segmentation-rules.md");
        assertThat(detail(report, "analytics_dbt")).isNull();
        assertThat(detail(report, "prod_metabase")).isNull();
        try (LocalContextRepository repo = LocalContextRepository.open(project)) {
            String runId = report.get("runId").asText();
            assertThat(repo.sentinels())
                    .extracting(id -> id.runId() + "/" + id.connectionId())
                    .containsExactly(runId + "/docs");
            assertThat(repo.sessions()).extracting(id -> id.connectionId()).containsExactly("docs");
        }
    }

    @Test
    void dbtAndMetabaseDescribingTheSameTablesMergeOnTheFirstRun() throws Exception {
        Path project = DemoProject.create();
        DemoProject.amend(
                project,
                Map.of(
                        "dbt/models/marts/schema.yml", """
                        version: 2

                        models:
                          - name: accounts
                            description: One row per customer account.
                            columns:
                              - name: account_id
                                description: Primary key of the account.
                          - name: mart_account_segments
                            description: The segment of every account, rebuilt nightly.
                        """,
                        "snapshots/metabase/cards/31.json", """
                        {"id": 31, "name": "Active MRR", "archived": false, "collection_id": 5, "database_id": 2,
                         "dataset_query": {"database": 2, "type": "native",
                           "native": {"query": "SELECT sum(mrr) FROM public.subscriptions WHERE status = 'active'",
                                      "template-tags": {}}},
                         "result_metadata": []}
                        """));

        ingest(project, 0);

        try (LocalContextRepository repo = LocalContextRepository.open(project)) {
            RepoTree main = repo.tree(repo.mainHead().orElseThrow());
            for (String table : List.of("accounts", "mart_account_segments", "subscriptions")) {
                Map<String, Object> overlay = new Yaml()
                        .load(main.readText("semantic-layer/warehouse/" + table + ".yaml")
                                .orElseThrow(() -> new AssertionError("no overlay for " + table)));
                assertThat(overlay).as(table).containsKey("measures");
                assertThat(overlay.toString()).as(table).contains("dbt");
            }
        }
        int commits = DemoProject.log(project).size();
        ingest(project, 0);
        assertThat(DemoProject.log(project))
                .as("unchanged inputs add no commit")
                .hasSize(commits);
    }

    private static JsonNode ingest(Path project, int expectedExitCode) throws Exception {
        E2eStack.Result run =
                stack.ktx("ingest", "--all", "--project-dir", project.toString(), "--json", "--timeout", "10m");
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(expectedExitCode);
        return new ObjectMapper().readTree(run.out());
    }

    /** The detail of a target's failed step, or null when no step failed. */
    private static String detail(JsonNode report, String connectionId) {
        for (JsonNode target : report.get("results")) {
            if (target.get("connectionId").asText().equals(connectionId)) {
                for (JsonNode step : target.get("steps")) {
                    if (step.get("status").asText().equals("failed")) {
                        return step.get("detail").asText();
                    }
                }
                return null;
            }
        }
        throw new AssertionError("no result for " + connectionId + " in " + report);
    }

    private static List<TraceEvent> trace(JsonNode report) {
        E2eStack.Result result =
                stack.ktx("ingest", "trace", report.get("runId").asText());
        assertThat(result.exitCode()).isZero();
        return result.out()
                .lines()
                .filter(line -> !line.isBlank())
                .map(TraceJson::fromLine)
                .toList();
    }

    private static List<TraceEvent> named(List<TraceEvent> trace, String event, String connectionId) {
        return trace.stream()
                .filter(e -> e.event().equals(event) && connectionId.equals(e.connectionId()))
                .toList();
    }
}
