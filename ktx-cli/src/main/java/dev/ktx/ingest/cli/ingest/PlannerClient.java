package dev.ktx.ingest.cli.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ktx.ingest.cli.CliException;
import dev.ktx.ingest.cli.ProjectLocation;
import dev.ktx.ingest.core.api.IngestRequestBody;
import dev.ktx.ingest.core.api.Problem;
import dev.ktx.ingest.core.api.RunView;
import dev.ktx.ingest.core.api.StartedRun;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The planner's REST API; every failure is a {@link CliException} saying what went wrong. */
public final class PlannerClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final String INGESTS = "api/ingests";

    private final URI base;
    /** The URL as the user gave it, for messages. */
    private final String shown;

    private final Optional<String> token;
    private final HttpClient http;

    PlannerClient(URI base, Optional<String> token) {
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
        this.shown = base.toString();
        this.token = token;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }

    /** Starts a run; the planner answers 202 with its id. */
    String start(IngestRequestBody body) {
        String answer = expect(202, postJson(INGESTS, body));
        String runId = parse(answer, StartedRun.class).runId();
        if (runId == null || runId.isBlank()) {
            throw new CliException("the planner at " + shown + " accepted the request without a runId: " + answer);
        }
        return runId;
    }

    RunView run(String runId) {
        return runView(expect(200, request(INGESTS + "/" + runId).GET().build()));
    }

    /**
     * The run, or empty when the planner answers 404: it does not know the run (any more). Naming the project lets a
     * planner that lost the run's state restore it from the project's repository.
     *
     * @throws Unavailable when the planner cannot be reached or answers with a server error
     */
    Optional<RunView> find(String runId, ProjectLocation project, String projectId) {
        String query = "?" + project.query()
                + (projectId == null ? "" : "&projectId=" + URLEncoder.encode(projectId, StandardCharsets.UTF_8));
        HttpResponse<String> response =
                send(request(INGESTS + "/" + runId + query).GET().build());
        if (response.statusCode() >= 500) {
            throw new Unavailable(problem(response).lines(), null);
        }
        return response.statusCode() == 404 ? Optional.empty() : Optional.of(runView(body(200, response)));
    }

    /** The planner could not answer now (unreachable, restarting, a server error); asking again later may work. */
    static final class Unavailable extends CliException {
        Unavailable(List<String> lines, Throwable cause) {
            super(lines, cause);
        }
    }

    private RunView runView(String answer) {
        try {
            return PlannerJson.runView(answer);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw unreadable(e);
        }
    }

    /** {@code GET /api/ingests}: the recent runs, newest first, as the planner sent them (a JSON array). */
    String recentRuns() {
        return expect(200, request(INGESTS).GET().build());
    }

    /** The run's trace as JSONL, as the planner sent it. */
    String trace(String runId) {
        return expect(200, request(INGESTS + "/" + runId + "/trace").GET().build());
    }

    /** The planner's {@code 200} answer to {@code GET path} (relative to the planner's URL), read as {@code type}. */
    public <T> T get(String path, Class<T> type) {
        return parse(expect(200, request(path).GET().build()), type);
    }

    /** The planner's {@code 200} answer to {@code POST path} with {@code body} as JSON, read as {@code type}. */
    public <T> T post(String path, Object body, Class<T> type) {
        return parse(expect(200, postJson(path, body)), type);
    }

    /** The planner's {@code 202} answer to {@code POST path} with {@code body} as JSON, read as {@code type}. */
    public <T> T postAccepted(String path, Object body, Class<T> type) {
        return parse(expect(202, postJson(path, body)), type);
    }

    private <T> T parse(String answer, Class<T> type) {
        try {
            return PlannerJson.read(answer, type);
        } catch (JsonProcessingException e) {
            throw unreadable(e);
        }
    }

    private HttpRequest postJson(String path, Object body) {
        return request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(PlannerJson.write(body), StandardCharsets.UTF_8))
                .build();
    }

    private HttpRequest.Builder request(String path) {
        // the planner records runs this client starts as started by the CLI
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Ktx-Client", "cli");
        token.ifPresent(t -> builder.header("Authorization", "Bearer " + t));
        return builder;
    }

    private String expect(int status, HttpRequest request) {
        return body(status, send(request));
    }

    private String body(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new CliException(problem(response).lines());
        }
        return response.body();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new Unavailable(
                    List.of("cannot reach the planner at " + shown + ": " + describe(e)
                            + " (is the stack up? ktx stack up)"),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted while talking to the planner at " + shown, e);
        }
    }

    /** The planner's problem document; for anything else in front of it (a proxy, another server), the status and body. */
    private Problem problem(HttpResponse<String> response) {
        try {
            Problem problem = PlannerJson.read(response.body(), Problem.class);
            if (problem.title() != null || problem.errors() != null) {
                return problem;
            }
        } catch (JsonProcessingException notAProblem) {
            // fall through: described by its status below
        }
        return Problem.of(
                "the planner at " + shown + " answered " + response.statusCode() + " to "
                        + response.request().method() + " " + response.uri().getPath(),
                response.statusCode(),
                response.body().isBlank() ? null : response.body().strip(),
                null);
    }

    private CliException unreadable(Exception e) {
        return new CliException("unexpected answer from the planner at " + shown + ": " + e.getMessage(), e);
    }

    /** The JDK's connection failures mostly carry no message (a bare {@code ConnectException}); say what they mean. */
    private static String describe(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpConnectTimeoutException) {
                return "connection timed out";
            }
            if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
                return "unknown host";
            }
            if (cause instanceof ConnectException) {
                return "connection refused";
            }
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
