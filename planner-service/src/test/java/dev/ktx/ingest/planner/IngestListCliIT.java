package dev.ktx.ingest.planner;

import static dev.ktx.ingest.planner.PlannerFixtures.project;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ktx.ingest.cli.CliEnvironment;
import dev.ktx.ingest.cli.Ktx;
import dev.ktx.ingest.testinfra.KafkaTestResource;
import dev.ktx.ingest.testinfra.RedisTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code ktx ingest list [--json]} against this planner: recent runs newest first, with what started them. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(RedisTestResource.class)
class IngestListCliIT {

    @Test
    void listsRecentRunsNewestFirstAsATableAndAsJson() throws Exception {
        Path project = project("connections:\n  warehouse: { driver: postgres, url: env:W }\n");
        String body = "{\"projectDir\":\"" + project + "\",\"all\":true}";
        String byRest = given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/ingests")
                .then()
                .statusCode(202)
                .extract()
                .path("runId");
        // started by ktx; it gives up waiting at once, the run goes on
        int exitCode =
                ktx(new StringWriter(), "ingest", "--all", "--project-dir", project.toString(), "--timeout", "1ms");
        String byCli = given().when()
                .get("/api/ingests")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("find { it.trigger.kind == 'cli' && it.project.projectDir == '" + project + "' }.runId");
        assertThat(byCli).as("the run ktx started (exit code %d)", exitCode).isNotNull();

        StringWriter table = new StringWriter();
        assertThat(ktx(table, "ingest", "list")).isZero();
        List<String> lines = table.toString().lines().toList();
        assertThat(lines.get(0)).startsWith("Run").contains("Project", "Status", "Trigger", "Started", "Finished");
        int cliRow = rowOf(lines, byCli);
        int restRow = rowOf(lines, byRest);
        assertThat(cliRow).as("newest first").isLessThan(restRow);
        assertThat(lines.get(cliRow)).contains("acme.git", " cli ");
        assertThat(lines.get(restRow)).contains("acme.git", " rest ");

        StringWriter json = new StringWriter();
        assertThat(ktx(json, "ingest", "list", "--json")).isZero();
        List<Map<String, Object>> runs = JsonPath.from(json.toString()).getList("");
        List<Object> ids = runs.stream()
                .map(run -> run.get("runId"))
                .filter(id -> id.equals(byRest) || id.equals(byCli))
                .toList();
        assertThat(ids).containsExactly(byCli, byRest);
    }

    private static int rowOf(List<String> lines, String runId) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(runId + " ")) {
                return i;
            }
        }
        throw new AssertionError("no row for " + runId + " in\n" + String.join("\n", lines));
    }

    /** The CLI in-process, talking to this planner. */
    private static int ktx(StringWriter out, String... args) {
        String[] withPlanner = Stream.concat(
                        Arrays.stream(args), Stream.of("--planner", RestAssured.baseURI + ":" + RestAssured.port))
                .toArray(String[]::new);
        return Ktx.execute(
                new CliEnvironment(Map.of(), Clock.systemUTC(), Path.of("does-not-exist")),
                new PrintWriter(out),
                new PrintWriter(new StringWriter()),
                withPlanner);
    }
}
