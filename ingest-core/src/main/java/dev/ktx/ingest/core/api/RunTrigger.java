package dev.ktx.ingest.core.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;

/**
 * What started a run, as {@code GET /api/ingests} shows it.
 *
 * @param eventIds with {@link Kind#event}: the ids of the CloudEvents that coalesced into the run
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record RunTrigger(Kind kind, List<String> eventIds) {

    public RunTrigger {
        Objects.requireNonNull(kind, "kind");
        eventIds = eventIds == null ? List.of() : List.copyOf(eventIds);
    }

    public static RunTrigger of(Kind kind) {
        return new RunTrigger(kind, List.of());
    }

    public static RunTrigger events(List<String> eventIds) {
        return new RunTrigger(Kind.event, eventIds);
    }

    public enum Kind {
        rest,
        cli,
        request_message,
        event;

        @JsonValue
        public String wireName() {
            return name().replace('_', '-');
        }
    }
}
