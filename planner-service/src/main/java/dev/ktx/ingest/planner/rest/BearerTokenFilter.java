package dev.ktx.ingest.planner.rest;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/** Write endpoints require {@code Authorization: Bearer <ktx.planner.api-token>} when a token is configured. */
public class BearerTokenFilter {

    private final Optional<String> token;

    public BearerTokenFilter(PlannerSettings settings) {
        this.token = settings.apiToken().filter(t -> !t.isBlank());
    }

    @ServerRequestFilter
    public Optional<Response> requireToken(ContainerRequestContext request) {
        if (token.isEmpty() || HttpMethod.GET.equals(request.getMethod())) {
            return Optional.empty();
        }
        String given = Optional.ofNullable(request.getHeaderString(HttpHeaders.AUTHORIZATION)).orElse("");
        byte[] expected = ("Bearer " + token.get()).getBytes(StandardCharsets.UTF_8);
        if (MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        return Optional.of(Problem.response(Response.Status.UNAUTHORIZED, "unauthorized",
                "a bearer token is required for this endpoint", List.of()));
    }
}
