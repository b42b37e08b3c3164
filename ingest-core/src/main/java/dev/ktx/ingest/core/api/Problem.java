package dev.ktx.ingest.core.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The planner's error answer ({@code application/problem+json}): an RFC 9457 problem document whose {@code errors}
 * lists every problem, each naming its field or key path.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<String> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** A problem with no type of its own ({@code about:blank}: the status says what kind it is). */
    public static Problem of(String title, int status, String detail, List<String> errors) {
        return new Problem("about:blank", title, status, detail, errors);
    }

    /** Every error on its own line; the title and detail when the planner listed none. */
    public List<String> lines() {
        if (errors != null && !errors.isEmpty()) {
            return errors;
        }
        return List.of(detail == null ? String.valueOf(title) : title + ": " + detail);
    }
}
