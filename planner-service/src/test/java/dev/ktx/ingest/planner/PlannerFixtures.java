package dev.ktx.ingest.planner;

import static io.restassured.RestAssured.given;

import dev.ktx.ingest.core.config.Driver;
import dev.ktx.ingest.core.git.Changeset;
import dev.ktx.ingest.core.git.LocalContextRepository;
import dev.ktx.ingest.core.messaging.MessageCodec;
import dev.ktx.ingest.core.messaging.TargetJobMessage;
import dev.ktx.ingest.core.messaging.TargetResultMessage;
import dev.ktx.ingest.core.plan.Operation;
import dev.ktx.ingest.core.plan.StepResult;
import dev.ktx.ingest.core.plan.StepStatus;
import dev.ktx.ingest.core.plan.TargetResult;
import dev.ktx.ingest.testinfra.TopicProbe;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Projects, worker results and polling shared by the planner's tests over the real broker and Redis. */
final class PlannerFixtures {

    static final Duration WAIT = Duration.ofSeconds(30);

    private PlannerFixtures() {}

    /** A {@code ktx.yaml} with one database target (warehouse) and two sources (docs, analytics_dbt). */
    static String warehouseDocsAndDbt(int maxConcurrency) {
        return """
                connections:
                  warehouse: { driver: postgres, url: env:WAREHOUSE_URL }
                  docs: { driver: notion, snapshot_dir: ./notion }
                  analytics_dbt: { driver: dbt, source_dir: ./dbt }
                ingest:
                  sources: { maxConcurrency: %d }
                """.formatted(maxConcurrency);
    }

    /** {@code ktx.repos.root} of the tests (application.properties): where their projects live. */
    static final Path REPOS = Path.of(System.getProperty("java.io.tmpdir"), "ktx-planner-repos");

    /** A new empty directory inside {@link #REPOS}. */
    static Path directoryInRoot(String prefix) throws IOException {
        return Files.createTempDirectory(Files.createDirectories(REPOS), prefix);
    }

    /** A bare context repo whose {@code main} holds this {@code ktx.yaml}, inside {@link #REPOS}. */
    static Path project(String ktxYaml) throws Exception {
        Path dir = directoryInRoot("planner-test").resolve("acme.git");
        LocalContextRepository.initBare(
                        dir, Changeset.builder().write("ktx.yaml", ktxYaml).build(), "init")
                .close();
        return dir;
    }

    /** Publishes a worker's result for the target, every step with {@code status}. */
    static void report(String runId, String connectionId, Driver driver, Operation operation, StepStatus status) {
        TopicProbe.send("ktx.ingest.results", runId, result(runId, connectionId, driver, operation, status));
    }

    /** A worker's result message for the target, every step with {@code status}. */
    static String result(String runId, String connectionId, Driver driver, Operation operation, StepStatus status) {
        TargetResult result = new TargetResult(
                connectionId,
                driver,
                operation,
                operation.steps().stream()
                        .map(step -> new StepResult(step, status, status == StepStatus.FAILED ? "boom" : null))
                        .toList());
        return MessageCodec.write(TargetResultMessage.of(runId, null, result));
    }

    /**
     * The run's jobs on the probe's topic (other tests' jobs left aside), polling until there are {@code count} of
     * them or {@code timeout} is up.
     */
    static List<TargetJobMessage> jobsOf(TopicProbe probe, String runId, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<TargetJobMessage> jobs = List.of();
        while (jobs.size() < count && System.nanoTime() < deadline) {
            int seen = probe.await(0, Duration.ZERO).size();
            jobs = probe.await(seen + 1, Duration.ofMillis(200)).stream()
                    .map(record -> MessageCodec.read(record.value(), TargetJobMessage.class))
                    .filter(job -> job.runId().equals(runId))
                    .toList();
        }
        return jobs;
    }

    /** Polls {@code GET /api/ingests/{runId}} until the run's JSON satisfies {@code condition}; returns that JSON. */
    static JsonPath awaitRun(String runId, Predicate<JsonPath> condition) throws InterruptedException {
        return await(
                () -> given().when()
                        .get("/api/ingests/" + runId)
                        .then()
                        .extract()
                        .jsonPath(),
                condition,
                "run " + runId);
    }

    /** Polls {@code value} until it satisfies {@code condition}, at most {@link #WAIT}; returns that value. */
    static <T> T await(Supplier<T> value, Predicate<T> condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        T current = value.get();
        while (!condition.test(current)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not get there: " + current);
            }
            Thread.sleep(100);
            current = value.get();
        }
        return current;
    }

    /** The sample of {@code name} whose labels contain {@code labels}, from the planner's Prometheus text. */
    static Optional<Long> metric(String name, String labels) {
        String metrics = given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Matcher sample = Pattern.compile("(?m)^" + name + "\\{([^}]*)} (\\S+)$").matcher(metrics);
        while (sample.find()) {
            if (sample.group(1).contains(labels)) {
                return Optional.of((long) Double.parseDouble(sample.group(2)));
            }
        }
        return Optional.empty();
    }

    static JsonPath awaitFinished(String runId) throws InterruptedException {
        return awaitRun(runId, run -> "finished".equals(run.getString("status")));
    }
}
