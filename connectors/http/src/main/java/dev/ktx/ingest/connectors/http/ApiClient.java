package dev.ktx.ingest.connectors.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.ktx.ingest.core.config.Durations;
import dev.ktx.ingest.core.retry.Retrier;
import dev.ktx.ingest.core.retry.RetriesExhaustedException;
import dev.ktx.ingest.core.retry.TransientFailure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls one connection's JSON API. 429, 5xx, timeouts and connection failures are retried with the settings'
 * back-off, or after the server's {@code Retry-After}; 401/403 fail at once; any other non-2xx status and a body that
 * is not JSON fail naming the method and path. Messages and logs never carry the query string or the headers.
 */
public final class ApiClient {

    /** Whose API, where, and the headers (credentials) of every request. */
    record Target(String connectionId, String system, URI baseUrl, Map<String, String> headers) {

        Target {
            headers = Map.copyOf(headers);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(ApiClient.class);
    /** Numbers stay as written: responses are staged byte for byte and re-serialized JSON must not drift. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private final HttpClient http;
    private final HttpSettings settings;
    private final Retrier retrier;
    private final Clock clock;
    private final Target target;

    ApiClient(HttpClient http, HttpSettings settings, Retrier retrier, Clock clock, Target target) {
        this.http = http;
        this.settings = settings;
        this.retrier = retrier;
        this.clock = clock;
        this.target = target;
    }

    /** @param pathAndQuery e.g. {@code /api/database/2?include=tables.fields} */
    public ApiResponse get(String pathAndQuery) throws InterruptedException {
        return send(pathAndQuery, request(pathAndQuery).GET());
    }

    public ApiResponse post(String pathAndQuery, JsonNode body) throws InterruptedException {
        return send(
                pathAndQuery,
                request(pathAndQuery)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        String base = target.baseUrl().toString().replaceAll("/+$", "");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(settings.requestTimeout())
                .header("Accept", "application/json");
        target.headers().forEach(request::header);
        return request;
    }

    private ApiResponse send(String pathAndQuery, HttpRequest.Builder builder) throws InterruptedException {
        HttpRequest request = builder.build();
        String what = target.connectionId() + ": " + target.system() + " " + request.method() + " "
                + pathAndQuery.replaceFirst("\\?.*", "");
        try {
            return retrier.call(
                    what,
                    () -> attempt(request, what),
                    RetryableFailure.class::isInstance,
                    (attempt, pause, failure) -> LOG.warn(
                            "{}: {}; attempt {} of {}, next in {}",
                            what,
                            failure.getMessage(),
                            attempt,
                            settings.retry().maxAttempts(),
                            Durations.format(pause)));
        } catch (RetriesExhaustedException e) {
            // Suppressed, not the cause: a transient cause would make the worker run the whole job again and
            // multiply the requests against an API that is already failing.
            ApiException failure = new ApiException(e.getMessage());
            failure.addSuppressed(e);
            throw failure;
        }
    }

    private ApiResponse attempt(HttpRequest request, String what) throws InterruptedException {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new RetryableFailure(
                    "timed out after " + Durations.format(settings.requestTimeout()), Optional.empty());
        } catch (IOException e) {
            throw new RetryableFailure("connection failed (" + e.getClass().getSimpleName() + ")", Optional.empty());
        }
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw new ApiException(
                    target.connectionId() + ": " + target.system() + " rejected the credentials (HTTP " + status + ")");
        }
        if (status == 429 || status >= 500) {
            throw new RetryableFailure(
                    "HTTP " + status, RetryAfter.parse(response.headers().firstValue("Retry-After"), clock));
        }
        if (status < 200 || status > 299) {
            throw new ApiException(what + " returned HTTP " + status + errorCode(response.body()));
        }
        try {
            return new ApiResponse(what, response.body(), JSON.readTree(response.body()));
        } catch (IOException e) {
            String why = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            throw new ApiException(what + " returned malformed JSON: " + why);
        }
    }

    /** The machine-readable {@code code} of a JSON error body (Notion: {@code object_not_found}), if there is one. */
    private static String errorCode(byte[] body) {
        try {
            String code = JSON.readTree(body).path("code").asText("");
            return code.matches("[a-z_]{1,64}") ? " (" + code + ")" : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** A failure worth another attempt, with the pause the server asked for. */
    private static final class RetryableFailure extends RuntimeException implements TransientFailure {

        private final transient Optional<Duration> retryAfter;

        RetryableFailure(String message, Optional<Duration> retryAfter) {
            super(message);
            this.retryAfter = retryAfter;
        }

        @Override
        public Optional<Duration> retryAfter() {
            return retryAfter;
        }
    }
}
