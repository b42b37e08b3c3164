package dev.ktx.ingest.cli.stack;

import dev.ktx.ingest.cli.CliEnvironment;
import dev.ktx.ingest.cli.CliException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** One of the four services, run from its Quarkus build ({@code <module>/target/quarkus-app/quarkus-run.jar}). */
final class QuarkusService extends ProcessComponent {

    /**
     * @param module the service's Maven module, also its name in the stack
     * @param portVariable what its {@code quarkus.http.port} reads
     * @param endpointKey its base URL in {@code stack.env}
     */
    record Definition(String module, String portVariable, int defaultPort, String endpointKey) {}

    static final String BUILD_HINT = "./mvnw -B -q install -DskipTests";
    /** The planner's {@code ktx.planner.api-token}. */
    private static final String PLANNER_API_TOKEN = "KTX_PLANNER_API_TOKEN";
    /** {@code ktx.repos.cache}: each service its own. */
    private static final String REPOS_CACHE = "KTX_REPOS_CACHE";

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();

    private final Definition definition;

    QuarkusService(Definition definition, CliEnvironment environment, StackLayout layout) {
        super(definition.module(), definition.endpointKey(), environment, layout);
        this.definition = definition;
    }

    Path jar() {
        return environment.home().resolve(definition.module()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    boolean isBuilt() {
        return Files.isRegularFile(jar());
    }

    /** The port its variable names (set by the user) or its default, unless that one is taken. */
    @Override
    Launch launch(StackEnv endpoints) {
        if (!isBuilt()) {
            throw new CliException(jar() + " does not exist; build the services first: " + BUILD_HINT);
        }
        int preferred = environment
                .variable(definition.portVariable())
                .map(Integer::parseInt)
                .orElse(definition.defaultPort());
        int port = Ports.preferring(preferred);
        Map<String, String> variables = new HashMap<>(Map.of(
                definition.portVariable(),
                Integer.toString(port),
                StackEnv.KAFKA_BOOTSTRAP_SERVERS,
                endpoints.require(StackEnv.KAFKA_BOOTSTRAP_SERVERS),
                StackEnv.REDIS_URL,
                endpoints.require(StackEnv.REDIS_URL),
                REPOS_CACHE,
                layout.reposCache(definition.module()).toString()));
        // each service mirrors remote projects itself; KTX_GIT_TOKEN / KTX_GIT_USER come from the inherited environment
        endpoints.get(StackEnv.REPOS_REMOTES).ifPresent(remotes -> variables.put(StackEnv.REPOS_REMOTES, remotes));
        if (definition.endpointKey().equals(StackEnv.PLANNER_URL)) {
            variables.put(PLANNER_API_TOKEN, endpoints.require(StackEnv.API_TOKEN));
            variables.put(StackEnv.REPOS_ROOT, endpoints.require(StackEnv.REPOS_ROOT));
        }
        return new Launch(JavaCommand.of(environment, "-jar", jar().toString()), variables, "http://127.0.0.1:" + port);
    }

    /** {@code /q/health/ready} answers 200 (UP: Kafka, Redis and git reachable) rather than 503. */
    @Override
    boolean isReady(String baseUrl) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready"))
                .timeout(PROBE_TIMEOUT)
                .GET()
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    }
}
