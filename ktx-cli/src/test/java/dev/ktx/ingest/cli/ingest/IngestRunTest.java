package dev.ktx.ingest.cli.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ktx.ingest.cli.CliRun;
import dev.ktx.ingest.cli.ingest.FakePlanner.Answer;
import dev.ktx.ingest.core.plan.RunReport;
import dev.ktx.ingest.core.plan.RunResults;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestRunTest {

    private static final String FAILED_TABLE = """
            Source         Database schema  Query history  Source ingest
            warehouse      done             skipped        -
            analytics_dbt  -                -              failed
            Failed sources:
            analytics_dbt failed: source refresh conflict before before_reconciliation: wiki/global/a.md
            """;

    private final ObjectMapper json = new ObjectMapper();
    private FakePlanner planner;

    @TempDir
    Path project;

    @BeforeEach
    void startPlanner() throws IOException {
        planner = new FakePlanner()
                .on("POST", "/api/ingests", Answer.json(202, "{\"runId\":\"r1\"}"))
                .on(
                        "GET",
                        "/api/ingests/r1",
                        Answer.json(200, Runs.running("r1")),
                        Answer.json(200, Runs.running("r1", Runs.WAREHOUSE_SCHEMA_DONE)),
                        Answer.json(200, Runs.finished("r1", Runs.WAREHOUSE_DONE, Runs.DBT_FAILED)));
    }

    @AfterEach
    void stopPlanner() {
        planner.close();
    }

    @Test
    void waitsForTheRunThenPrintsTheTableAndExitsWithTheRunsCode() throws IOException {
        CliRun run = CliRun.of("ingest", "--all", "--project-dir", project.toString(), "--planner", planner.url());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEqualTo(FAILED_TABLE);
        assertThat(run.err()
                        .lines()
                        .map(line -> line.replaceFirst("^\\[\\d+\\.\\ds] ", ""))
                        .toList())
                .containsExactly(
                        "run r1 started",
                        "warehouse: database-schema done",
                        "warehouse: query-history skipped: disabled",
                        "analytics_dbt: source-ingest failed: source refresh conflict before before_reconciliation: wiki/global/a.md",
                        "run r1 finished (exit code 1)");

        FakePlanner.Received post = planner.received().get(0);
        assertThat(post.method()).isEqualTo("POST");
        assertThat(json.readTree(post.body()))
                .isEqualTo(json.readTree(json.writeValueAsString(
                        Map.of("projectDir", project.toAbsolutePath().toString(), "all", true))));
        assertThat(planner.received()).hasSize(4);
    }

    @Test
    void withJsonPrintsExactlyRunIdPlanAndResults() throws IOException {
        CliRun run = CliRun.of(
                "ingest",
                "analytics_dbt",
                "--json",
                "--project-id",
                "acme",
                "--project-dir",
                project.toString(),
                "--planner",
                planner.url());

        assertThat(run.exitCode()).isEqualTo(1);
        RunReport expected = new RunReport(
                "r1", Runs.PLAN, RunResults.inPlanOrder(Runs.PLAN, List.of(Runs.WAREHOUSE_DONE, Runs.DBT_FAILED)));
        assertThat(run.out()).isEqualTo(expected.toJson() + "\n");
        JsonNode printed = json.readTree(run.out());
        assertThat(printed.fieldNames()).toIterable().containsExactly("runId", "plan", "results");
        assertThat(run.err()).contains("analytics_dbt: source-ingest failed").doesNotContain("{");
        assertThat(json.readTree(planner.received().get(0).body()))
                .isEqualTo(json.readTree(json.writeValueAsString(Map.of(
                        "projectId",
                        "acme",
                        "projectDir",
                        project.toAbsolutePath().toString(),
                        "connectionId",
                        "analytics_dbt"))));
    }

    @Test
    void exitsWithZeroWhenNoStepFailed() {
        planner.on("GET", "/api/ingests/r1", Answer.json(200, Runs.finished("r1", Runs.WAREHOUSE_DONE)));

        CliRun run = CliRun.of("ingest", "--all", "--project-dir", project.toString(), "--planner", planner.url());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .doesNotContain("Failed sources:")
                .contains("analytics_dbt  -                -              not-run");
    }

    @Test
    void sendsTheTokenFromTheEnvironment() {
        CliRun.with(
                Map.of("KTX_API_TOKEN", "s3cret"),
                "ingest",
                "--all",
                "--project-dir",
                project.toString(),
                "--planner",
                planner.url());

        assertThat(planner.received().get(0).authorization()).isEqualTo("Bearer s3cret");
    }

    @Test
    void theTokenOptionWinsOverTheEnvironment() {
        CliRun.with(
                Map.of("KTX_API_TOKEN", "s3cret"),
                "ingest",
                "--all",
                "--token",
                "other",
                "--project-dir",
                project.toString(),
                "--planner",
                planner.url());

        assertThat(planner.received().get(0).authorization()).isEqualTo("Bearer other");
    }

    @Test
    void findsThePlannerOfTheLocalStackAndItsToken(@TempDir Path stackDir) throws IOException {
        Files.writeString(
                stackDir.resolve("stack.env"), "KTX_PLANNER_URL=" + planner.url() + "\nKTX_API_TOKEN=stack-t0ken\n");

        CliRun run = CliRun.with(
                Map.of("KTX_STACK_DIR", stackDir.toString()), "ingest", "--all", "--project-dir", project.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(planner.received())
                .isNotEmpty()
                .allSatisfy(request -> assertThat(request.authorization()).isEqualTo("Bearer stack-t0ken"));
    }

    @Test
    void aProblemFromThePlannerIsAConfigurationError() {
        planner.on("POST", "/api/ingests", new Answer(400, "application/problem+json", """
                {"type":"about:blank","title":"invalid ktx.yaml","status":400,"detail":"two problems",
                 "errors":["Unsupported ingest.sources.maxConcurency: unknown field","Unsupported connections.x.driver: oracle"]}"""));

        CliRun run = CliRun.of("ingest", "--all", "--project-dir", project.toString(), "--planner", planner.url());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("""
                Unsupported ingest.sources.maxConcurency: unknown field
                Unsupported connections.x.driver: oracle
                """);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anUnreachablePlannerIsReportedWithAHint() throws IOException {
        String closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = "http://127.0.0.1:" + socket.getLocalPort();
        }

        CliRun run = CliRun.of("ingest", "--all", "--project-dir", project.toString(), "--planner", closed);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo("cannot reach the planner at " + closed
                        + ": connection refused (is the stack up? ktx stack up)\n");
    }

    @Test
    void givesUpAfterTheTimeoutWithExitCodeOneAndSaysHowToFollowTheRun() {
        planner.on("GET", "/api/ingests/r1", Answer.json(200, Runs.running("r1")));

        CliRun run = CliRun.of(
                "ingest",
                "--all",
                "--json",
                "--timeout",
                "1ms",
                "--project-dir",
                project.toString(),
                "--planner",
                planner.url());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).endsWith("run r1 has not finished within 1ms; it goes on: ktx ingest status r1\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aRunThePlannerNoLongerKnowsIsReportedAsLostWithExitCodeOne() {
        planner.on(
                "GET",
                "/api/ingests/r1",
                Answer.json(200, Runs.running("r1", Runs.WAREHOUSE_SCHEMA_DONE)),
                Answer.json(404, "{\"title\":\"Not Found\",\"status\":404}"));

        CliRun run = CliRun.of("ingest", "--all", "--project-dir", project.toString(), "--planner", planner.url());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).endsWith("warehouse: database-schema done\nrun r1: run state lost\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void keepsWaitingWhileThePlannerFailsAndNamesTheProjectSoALostRunCanBeRestored() {
        planner.on(
                "GET",
                "/api/ingests/r1",
                Answer.json(200, Runs.running("r1")),
                Answer.json(503, "{\"title\":\"Redis is unavailable\",\"status\":503}"),
                Answer.json(503, "{\"title\":\"Redis is unavailable\",\"status\":503}"),
                Answer.json(200, Runs.finished("r1", Runs.WAREHOUSE_DONE, Runs.DBT_FAILED)));

        CliRun run = CliRun.of(
                "ingest",
                "--all",
                "--project-id",
                "acme",
                "--project-dir",
                project.toString(),
                "--planner",
                planner.url());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEqualTo(FAILED_TABLE);
        assertThat(run.err())
                .containsOnlyOnce("Redis is unavailable; still waiting for run r1\n")
                .containsOnlyOnce("the planner answers again; still waiting for run r1\n");
        assertThat(planner.received())
                .filteredOn(received -> received.method().equals("GET"))
                .allSatisfy(get -> assertThat(get.query())
                        .isEqualTo("projectDir=" + project.toAbsolutePath() + "&projectId=acme"));
    }

    @Test
    void statusPrintsTheTableSoFarAndExitsWithZeroWhileRunning() {
        planner.on("GET", "/api/ingests/r1", Answer.json(200, Runs.running("r1", Runs.WAREHOUSE_SCHEMA_DONE)));

        CliRun run = CliRun.of("ingest", "status", "r1", "--planner", planner.url());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("""
                Source         Database schema  Query history  Source ingest
                warehouse      done             not-run        -
                analytics_dbt  -                -              not-run
                status: running
                """);
    }

    @Test
    void statusOfAFinishedRunExitsWithItsCode() {
        planner.on(
                "GET", "/api/ingests/r1", Answer.json(200, Runs.finished("r1", Runs.WAREHOUSE_DONE, Runs.DBT_FAILED)));

        CliRun run = CliRun.of("ingest", "status", "r1", "--planner", planner.url());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEqualTo(FAILED_TABLE + "status: finished\n");
    }

    @Test
    void statusOfAnUnknownRunIsAnError() {
        CliRun run = CliRun.of("ingest", "status", "nope", "--planner", planner.url());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("Not Found\n");
    }

    @Test
    void tracePrintsTheJsonlAsReceived() {
        String jsonl = "{\"event\":\"run_started\"}\n{\"event\":\"run_finished\"}\n";
        planner.on("GET", "/api/ingests/r1/trace", new Answer(200, "application/x-ndjson", jsonl));

        CliRun run = CliRun.of("ingest", "trace", "r1", "--planner", planner.url());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(jsonl);
    }
}
