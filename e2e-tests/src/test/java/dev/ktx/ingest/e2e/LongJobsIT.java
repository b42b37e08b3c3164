package dev.ktx.ingest.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ktx.ingest.core.trace.TraceEvent;
import dev.ktx.ingest.core.trace.TraceEvents;
import dev.ktx.ingest.core.trace.TraceJson;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Source jobs that outlast the consumer defaults (SmallRye marks a channel unhealthy after 60 s without an ack)
 * with a second finalizer process competing for the project's windows.
 */
class LongJobsIT {

    /** Longer than the 60 s after which SmallRye's throttled commit strategy would call the channel unhealthy. */
    private static final String JOB_DURATION = "65s";

    @Test
    void slowSourcesStayHealthyAreNotRedeliveredAndTwoFinalizersNeverOverlap() throws Exception {
        try (E2eStack stack = E2eStack.up(Map.of("KTX_SOURCE_INGEST_MIN_JOB_DURATION", JOB_DURATION))) {
            Process secondFinalizer = startSecondFinalizer(stack);
            try {
                Path project = DemoProject.create();
                AtomicBoolean running = new AtomicBoolean(true);
                CompletableFuture<List<Integer>> health =
                        CompletableFuture.supplyAsync(() -> pollReadiness(stack, running));

                E2eStack.Result run =
                        stack.ktx("ingest", "--all", "--project-dir", project.toString(), "--timeout", "5m");
                running.set(false);

                assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
                assertThat(health.get())
                        .as("source worker readiness during the run")
                        .isNotEmpty()
                        .containsOnly(200);
                List<TraceEvent> trace = stack.ktx("ingest", "trace", runId(stack, run))
                        .out()
                        .lines()
                        .filter(line -> !line.isBlank())
                        .map(TraceJson::fromLine)
                        .toList();
                assertThat(trace.stream()
                                .filter(e -> e.event().equals(TraceEvents.TARGET_STARTED))
                                .map(TraceEvent::connectionId))
                        .as("every job ran once")
                        .containsExactlyInAnyOrder("warehouse", "analytics_dbt", "docs", "prod_metabase");
                DemoIT.assertWindowsNeverOverlap(trace);
            } finally {
                secondFinalizer.destroy();
                secondFinalizer.waitFor(20, TimeUnit.SECONDS);
            }
        }
    }

    private static String runId(E2eStack stack, E2eStack.Result run) {
        return run.err()
                .lines()
                .filter(line -> line.contains(" run ") && line.contains(" started"))
                .map(line -> line.substring(line.indexOf(" run ") + 5, line.indexOf(" started")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no run id in " + run.err()));
    }

    private static Process startSecondFinalizer(E2eStack stack) throws Exception {
        Map<String, String> endpoints = stack.endpoints();
        File log = stack.stackDir().resolve("logs/finalizer-service-2.log").toFile();
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        E2eStack.HOME
                                .resolve("finalizer-service/target/quarkus-app/quarkus-run.jar")
                                .toString())
                .redirectErrorStream(true)
                .redirectOutput(log);
        Map<String, String> env = new HashMap<>(builder.environment());
        env.put("KAFKA_BOOTSTRAP_SERVERS", endpoints.get("KAFKA_BOOTSTRAP_SERVERS"));
        env.put("KTX_REDIS_URL", endpoints.get("KTX_REDIS_URL"));
        env.put("KTX_FINALIZER_PORT", "0");
        builder.environment().putAll(env);
        return builder.start();
    }

    /** Status codes of the source worker's readiness probe, every second while the run goes on. */
    private static List<Integer> pollReadiness(E2eStack stack, AtomicBoolean running) {
        List<Integer> codes = new ArrayList<>();
        try {
            String base = stack.endpoints().get("KTX_SOURCE_INGEST_URL");
            HttpClient http = HttpClient.newHttpClient();
            while (running.get()) {
                codes.add(http.send(
                                HttpRequest.newBuilder(URI.create(base + "/q/health/ready"))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode());
                Thread.sleep(1000);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return codes;
    }
}
