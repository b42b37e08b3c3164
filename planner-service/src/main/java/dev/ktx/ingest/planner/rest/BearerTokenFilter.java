package dev.ktx.ingest.planner.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Secure by default: with {@code ktx.planner.auth=token} every API endpoint requires
 * {@code Authorization: Bearer <ktx.planner.api-token>}, reads included (plans and traces name projects and
 * connections), and a planner without a token refuses to start. Health and metrics ({@code /q/...}) are not
 * API resources and stay open for probes and scrapers.
 */
public class BearerTokenFilter {

    private final Optional<byte[]> expected;

    public BearerTokenFilter(PlannerSettings settings) {
        this.expected = requiredToken(settings).map(token -> ("Bearer " + token).getBytes(StandardCharsets.UTF_8));
    }

    /** The token the API requires; empty with {@code auth=none}. */
    static Optional<String> requiredToken(PlannerSettings settings) {
        if (settings.auth() == PlannerSettings.Auth.none) {
            return Optional.empty();
        }
        return Optional.of(
                settings.apiToken()
                        .filter(token -> !token.isBlank())
                        .orElseThrow(
                                () -> new IllegalStateException(
                                        "ktx.planner.api-token (KTX_PLANNER_API_TOKEN) is not set: the planner requires a bearer token on "
                                                + "every API call; set one, or set ktx.planner.auth=none to run the API without authentication")));
    }

    @ServerRequestFilter
    public Optional<Response> requireToken(ContainerRequestContext request) {
        if (expected.isEmpty()) {
            return Optional.empty();
        }
        String given = Optional.ofNullable(request.getHeaderString(HttpHeaders.AUTHORIZATION))
                .orElse("");
        if (MessageDigest.isEqual(expected.get(), given.getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        return Optional.of(ProblemResponses.of(
                Response.Status.UNAUTHORIZED,
                "unauthorized",
                "a bearer token is required for this endpoint",
                List.of()));
    }
}
