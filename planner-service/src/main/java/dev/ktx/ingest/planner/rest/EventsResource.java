package dev.ktx.ingest.planner.rest;

import dev.ktx.ingest.planner.trigger.CloudEvent;
import dev.ktx.ingest.planner.trigger.EventOutcome;
import dev.ktx.ingest.planner.trigger.UpstreamEvents;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CloudEvents webhook: the same events as {@code upstream.events}, on the same path (rules, debounce), in
 * structured mode ({@code Content-Type: application/cloudevents+json}) or binary mode ({@code ce-*} headers, the
 * body is the data). Answers {@code 202} with the outcome; a malformed event is a {@code 400} naming the attribute.
 */
@Path("/api/events")
@Produces(MediaType.APPLICATION_JSON)
public class EventsResource {

    static final String STRUCTURED = "application/cloudevents+json";

    private final UpstreamEvents events;

    public EventsResource(UpstreamEvents events) {
        this.events = events;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response receive(@Context HttpHeaders headers, String body) {
        MediaType type = headers.getMediaType();
        boolean structured = type != null && STRUCTURED.equals(type.getType() + "/" + type.getSubtype());
        EventOutcome outcome = events.handle(() -> structured
                ? CloudEvent.structured(body)
                : CloudEvent.binary(singleValued(headers), type == null ? null : type.toString(), body));
        return Response.accepted(outcome).build();
    }

    private static Map<String, String> singleValued(HttpHeaders headers) {
        Map<String, String> values = new LinkedHashMap<>();
        headers.getRequestHeaders().forEach((name, list) -> values.put(name, list.isEmpty() ? "" : list.get(0)));
        return values;
    }
}
