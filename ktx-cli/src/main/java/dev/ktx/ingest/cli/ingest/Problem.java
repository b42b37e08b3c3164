package dev.ktx.ingest.cli.ingest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** The planner's {@code application/problem+json} answer (RFC 9457 with {@code errors}). */
@JsonIgnoreProperties(ignoreUnknown = true)
record Problem(String title, Integer status, String detail, List<String> errors) {

    /** Every error on its own line; the title and detail when the planner listed none. */
    List<String> lines() {
        if (errors != null && !errors.isEmpty()) {
            return errors;
        }
        return List.of(detail == null ? String.valueOf(title) : title + ": " + detail);
    }
}
