package dev.ktx.ingest.planner.rest;

import dev.ktx.ingest.core.api.Problem;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Error answers as {@link Problem} documents, the one error body {@code ktx} reads. */
final class ProblemResponses {

    private ProblemResponses() {}

    static Response of(Response.Status status, String title, String detail, List<String> errors) {
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(title, status.getStatusCode(), detail, errors))
                .build();
    }
}
