package dev.ktx.ingest.cli.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ktx.ingest.cli.CliRun;
import dev.ktx.ingest.cli.ingest.FakePlanner.Answer;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ktx ingest rollback}: the request it sends, how it waits for the outcome, what it prints, exit codes. */
class IngestRollbackTest {

    private static final String ROLLBACK = "/api/ingests/run-1/rollback";
    private static final String PENDING = "{\"rollbackId\":\"rb-1\",\"runId\":\"run-1\",\"status\":\"pending\"}";

    private FakePlanner planner;

    @TempDir
    Path project;

    @BeforeEach
    void startPlanner() throws IOException {
        planner = new FakePlanner();
    }

    @AfterEach
    void stopPlanner() {
        planner.close();
    }

    @Test
    void doneRollbackPrintsWhatWasRestoredAndExitsZero() {
        planner.on("POST", ROLLBACK, Answer.json(202, PENDING));
        planner.on(
                "GET",
                ROLLBACK + "/rb-1",
                Answer.json(200, PENDING),
                Answer.json(
                        200,
                        "{\"rollbackId\":\"rb-1\",\"runId\":\"run-1\",\"status\":\"done\",\"commit\":\"abc\","
                                + "\"message\":\"run run-1 rolled back in abc: 2 paths restored from before the run\"}"));

        CliRun run = CliRun.of(
                "ingest",
                "rollback",
                "run-1",
                "--force",
                "--project-dir",
                project.toString(),
                "--planner",
                planner.url());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("run run-1 rolled back in abc: 2 paths restored from before the run\n");
        assertThat(run.err()).isEqualTo("rollback rb-1 of run run-1 requested\n");
        assertThat(planner.received().get(0).body()).isEqualTo("{\"projectDir\":\"" + project + "\",\"force\":true}");
    }

    @Test
    void refusedRollbackPrintsWhyAndExitsOne() {
        planner.on("POST", ROLLBACK, Answer.json(202, PENDING));
        planner.on(
                "GET",
                ROLLBACK + "/rb-1",
                Answer.json(
                        200,
                        "{\"rollbackId\":\"rb-1\",\"runId\":\"run-1\","
                                + "\"status\":\"refused\",\"message\":\"rollback of run-1 blocked: later commits changed wiki/global/a.md\","
                                + "\"paths\":[\"wiki/global/a.md\"]}"));

        CliRun run = CliRun.of(
                "ingest", "rollback", "run-1", "--project-dir", project.toString(), "--planner", planner.url());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).endsWith("rollback of run-1 blocked: later commits changed wiki/global/a.md\n");
        assertThat(planner.received().get(0).body()).contains("\"force\":false");
    }

    @Test
    void missingRunIdIsAUsageError() {
        CliRun run = CliRun.of("ingest", "rollback", "--planner", planner.url());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required parameter: '<runId>'");
        assertThat(planner.received()).isEmpty();
    }
}
