package dev.ktx.ingest.cli.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ktx.ingest.cli.CliRun;
import dev.ktx.ingest.cli.ingest.FakePlanner.Answer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --repo-url URL [--branch B]} instead of {@code --project-dir}: parsing, and how the planner is told. */
class IngestRemoteProjectTest {

    private static final String REPO_URL = "https://git.example.com/ctx/acme.git";

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
                        Answer.json(200, Runs.finished("r1", Runs.WAREHOUSE_DONE)));
    }

    @AfterEach
    void stopPlanner() {
        planner.close();
    }

    @Test
    void sendsTheRemoteInTheBodyAndNamesItOnEveryPoll() throws IOException {
        CliRun run = CliRun.of(
                "ingest",
                "--all",
                "--repo-url",
                REPO_URL,
                "--branch",
                "ctx/main",
                "--project-id",
                "acme",
                "--planner",
                planner.url());

        assertThat(run.exitCode()).as(run.err()).isZero();
        FakePlanner.Received post = planner.received().get(0);
        assertThat(json.readTree(post.body()))
                .isEqualTo(json.readTree(json.writeValueAsString(
                        Map.of("projectId", "acme", "repoUrl", REPO_URL, "branch", "ctx/main", "all", true))));
        assertThat(planner.received())
                .filteredOn(received -> received.method().equals("GET"))
                .hasSize(2)
                .allSatisfy(get ->
                        assertThat(get.query()).isEqualTo("repoUrl=" + REPO_URL + "&branch=ctx/main&projectId=acme"));
    }

    @Test
    void withoutABranchSendsOnlyTheNormalisedUrl() throws IOException {
        CliRun run = CliRun.of(
                "ingest", "--all", "--repo-url", "HTTPS://Git.Example.com/ctx/acme.git/", "--planner", planner.url());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(json.readTree(planner.received().get(0).body()))
                .isEqualTo(json.readTree(json.writeValueAsString(Map.of("repoUrl", REPO_URL, "all", true))));
        assertThat(planner.received().get(1).query()).isEqualTo("repoUrl=" + REPO_URL);
    }

    @Test
    void aProjectDirAndARepoUrlTogetherAreAUsageErrorNamingBoth() {
        CliRun run = CliRun.of(
                "ingest",
                "--all",
                "--project-dir",
                project.toString(),
                "--repo-url",
                REPO_URL,
                "--planner",
                planner.url());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--project-dir").contains("--repo-url").contains("mutually exclusive");
        assertThat(planner.received()).isEmpty();
    }

    @Test
    void aBranchWithoutARepoUrlIsAUsageError() {
        CliRun run = CliRun.of("ingest", "--all", "--branch", "main", "--planner", planner.url());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required argument").contains("--repo-url");
        assertThat(planner.received()).isEmpty();
    }

    @Test
    void aUrlWithCredentialsIsRefusedWithoutEchoingThem() {
        CliRun run = CliRun.of(
                "ingest",
                "--all",
                "--repo-url",
                "https://bob:s3cret@git.example.com/ctx/acme.git",
                "--planner",
                planner.url());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .startsWith("--repo-url: must not embed credentials")
                .doesNotContain("s3cret");
        assertThat(planner.received()).isEmpty();
    }

    @Test
    void dryRunOfARemoteProjectIsRefused() {
        CliRun run = CliRun.of("ingest", "--all", "--dry-run", "--repo-url", REPO_URL);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo("--dry-run reads ktx.yaml from --project-dir; it does not work with --repo-url\n");
    }

    @Test
    void rollbackSendsTheRemote() throws IOException {
        planner.on(
                "POST",
                "/api/ingests/r1/rollback",
                Answer.json(
                        202,
                        "{\"rollbackId\":\"rb-1\",\"runId\":\"r1\",\"status\":\"done\",\"message\":\"run r1 rolled back\"}"));

        CliRun run = CliRun.of(
                "ingest", "rollback", "r1", "--repo-url", REPO_URL, "--branch", "ctx/main", "--planner", planner.url());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(json.readTree(planner.received().get(0).body()))
                .isEqualTo(json.readTree(
                        json.writeValueAsString(Map.of("repoUrl", REPO_URL, "branch", "ctx/main", "force", false))));
    }
}
