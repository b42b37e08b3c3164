package dev.ktx.ingest.planner.dlq;

import dev.ktx.ingest.core.api.DeadLetterListing;
import dev.ktx.ingest.core.api.ReplayRequestBody;
import dev.ktx.ingest.core.api.ReplayView;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The dead-letter topics for operators: list a topic's dead letters, replay them to their source topic. The topic is
 * named with or without the prefix and {@code .dlq}; bad input is a 400 problem naming the field, a record replayed
 * before a 409 unless {@code force}.
 */
@Path("/api/dlq/{topic}")
@Produces(MediaType.APPLICATION_JSON)
public class DlqResource {

    static final int MAX_LIMIT = 1000;

    private final DeadLetters deadLetters;
    private final DeadLetterReplayer replayer;
    private final ReplayLedger ledger;

    public DlqResource(DeadLetters deadLetters, DeadLetterReplayer replayer, ReplayLedger ledger) {
        this.deadLetters = deadLetters;
        this.replayer = replayer;
        this.ledger = ledger;
    }

    @GET
    public DeadLetterListing list(
            @PathParam("topic") String topic, @QueryParam("limit") @DefaultValue("50") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit: 1 to " + MAX_LIMIT);
        }
        DeadLetterTopic resolved = deadLetters.topic(topic);
        DeadLetters.Page page = deadLetters.newest(resolved, limit);
        Map<DeadLetterId, Instant> replayed =
                ledger.replayed(page.records().stream().map(DeadLetterId::of).toList());
        return new DeadLetterListing(
                resolved.source(),
                resolved.dlq(),
                page.total(),
                page.records().stream()
                        .map(record -> DeadLetterViews.of(record, replayed.get(DeadLetterId.of(record))))
                        .toList());
    }

    @POST
    @Path("/replay")
    @Consumes(MediaType.APPLICATION_JSON)
    public ReplayView replay(@PathParam("topic") String topic, ReplayRequestBody body) {
        DeadLetterTopic resolved = deadLetters.topic(topic);
        if (body == null || (body.offset() != null) == Boolean.TRUE.equals(body.all())) {
            throw new IllegalArgumentException("offset/all: give either offset or all=true");
        }
        if (body.partition() != null && body.offset() == null) {
            throw new IllegalArgumentException("partition: only with offset");
        }
        boolean force = Boolean.TRUE.equals(body.force());
        DeadLetterReplayer.Outcome outcome = body.offset() != null
                ? replayer.replay(resolved, deadLetters.at(resolved, body.partition(), body.offset()), force)
                : replayer.replay(resolved, deadLetters.all(resolved), force);
        return new ReplayView(resolved.source(), resolved.dlq(), views(outcome.replayed()), views(outcome.skipped()));
    }

    private static List<ReplayView.Replayed> views(Map<DeadLetterId, Instant> records) {
        return records.entrySet().stream()
                .map(entry -> new ReplayView.Replayed(
                        entry.getKey().partition(), entry.getKey().offset(), entry.getValue()))
                .toList();
    }
}
