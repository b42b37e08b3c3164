package dev.ktx.ingest.planner.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** An RFC 9457 problem document; {@code errors} lists every problem, each naming its field or key path. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<String> errors) {

    static final String MEDIA_TYPE = "application/problem+json";

    static Response response(Response.Status status, String title, String detail, List<String> errors) {
        return Response.status(status)
                .type(MEDIA_TYPE)
                .entity(new Problem("about:blank", title, status.getStatusCode(), detail, errors))
                .build();
    }
}
