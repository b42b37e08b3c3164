package dev.ktx.ingest.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ktx.ingest.cli.CliEnvironment;
import dev.ktx.ingest.cli.Ktx;
import dev.ktx.ingest.core.trace.TraceEvent;
import dev.ktx.ingest.core.trace.TraceJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The local stack as users run it: {@code ktx stack up} (through the CLI's entry point, as the e2e tests do) starts
 * Kafka, Redis and the four packaged services as separate processes; runs go through {@code ktx ingest} and their
 * traces through {@code ktx ingest trace}. Projects must live under {@code reposRoot}. Extra source workers are more
 * {@code source-ingest-service} processes started with the stack's own environment and another port.
 */
final class BenchStack implements AutoCloseable {

    private static final Path HOME = Path.of("").toAbsolutePath();
    private static final String SOURCE_WORKER_JAR = "source-ingest-service/target/quarkus-app/quarkus-run.jar";
    private static final Duration READY_WAIT = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CliEnvironment environment;
    private final Path stackDir;
    private final List<Process> extraWorkers = new ArrayList<>();

    private BenchStack(CliEnvironment environment, Path stackDir) {
        this.environment = environment;
        this.stackDir = stackDir;
    }

    /** @param settings environment of the services (e.g. {@code WAREHOUSE_URL}, {@code KTX_SOURCE_CONCURRENCY}) */
    static BenchStack up(Path reposRoot, Map<String, String> settings) throws IOException {
        Map<String, String> variables = new HashMap<>(System.getenv());
        variables.remove("KAFKA_BOOTSTRAP_SERVERS");
        variables.remove("KTX_REDIS_URL");
        Path stackDir = Files.createTempDirectory("ktx-bench-stack");
        variables.put("KTX_STACK_DIR", stackDir.toString());
        variables.put("KTX_REPOS_ROOT", reposRoot.toString());
        variables.putAll(settings);
        BenchStack stack = new BenchStack(new CliEnvironment(variables, Clock.systemUTC(), HOME), stackDir);
        String up = stack.ktx("stack", "up");
        if (up == null) {
            stack.ktx("stack", "down"); // keeps the stack directory: its logs say why
            throw new IllegalStateException("ktx stack up failed; logs in " + stackDir.resolve("logs"));
        }
        return stack;
    }

    /** Runs {@code ktx ingest <what> --json} to its end; returns the run id. */
    String ingest(Path project, String what) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Ktx.execute(
                environment,
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                "ingest",
                what,
                "--json",
                "--project-dir",
                project.toString(),
                "--timeout",
                "10m");
        if (exitCode != 0) {
            throw new IllegalStateException("ktx ingest " + what + " exited with " + exitCode + ":\n" + err + out);
        }
        return JSON.readTree(out.toString()).path("runId").asText();
    }

    List<TraceEvent> trace(String runId) {
        String out = ktx("ingest", "trace", runId);
        if (out == null) {
            throw new IllegalStateException("ktx ingest trace " + runId + " failed");
        }
        return out.lines()
                .filter(line -> !line.isBlank())
                .map(TraceJson::fromLine)
                .toList();
    }

    /** Starts one more source worker with the stack's environment (and {@code settings}) and waits until it is ready. */
    void addSourceWorker(Map<String, String> settings) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Map<String, String> variables = new HashMap<>(environment.variables());
        variables.putAll(stackEnv());
        variables.putAll(settings);
        variables.put("KTX_SOURCE_INGEST_PORT", Integer.toString(port));
        Path log = stackDir.resolve("logs/source-ingest-extra-" + port + ".log");
        ProcessBuilder builder = new ProcessBuilder(
                        "java", "-jar", HOME.resolve(SOURCE_WORKER_JAR).toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(variables);
        extraWorkers.add(builder.start());
        awaitReady(URI.create("http://127.0.0.1:" + port + "/q/health/ready"), log);
    }

    private static void awaitReady(URI health, Path log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long until = System.nanoTime() + READY_WAIT.toNanos();
        while (System.nanoTime() < until) {
            try {
                if (http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("extra source worker not ready within " + READY_WAIT + "; see " + log);
    }

    /** What {@code ktx stack up} wrote to {@code stack.env}: the broker, Redis and the services' endpoints. */
    private Map<String, String> stackEnv() throws IOException {
        Map<String, String> values = new HashMap<>();
        for (String line : Files.readAllLines(stackDir.resolve("stack.env"))) {
            int equals = line.indexOf('=');
            if (equals > 0 && !line.startsWith("#")) {
                values.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return values;
    }

    /** The command's stdout, or null when it failed (its stderr is printed). */
    private String ktx(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Ktx.execute(environment, new PrintWriter(out, true), new PrintWriter(err, true), args);
        if (exitCode != 0) {
            System.err.println("ktx " + String.join(" ", args) + ": exit " + exitCode + "\n" + err);
            return null;
        }
        return out.toString();
    }

    @Override
    public void close() {
        for (Process worker : extraWorkers) {
            worker.destroy();
        }
        for (Process worker : extraWorkers) {
            try {
                worker.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        ktx("stack", "down");
        try {
            BenchRepo.deleteRecursively(stackDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
