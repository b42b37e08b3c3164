package dev.ktx.ingest.planner.rest;

import dev.ktx.ingest.core.config.ConfigException;
import dev.ktx.ingest.core.messaging.InvalidMessageException;
import dev.ktx.ingest.core.plan.PlanException;
import dev.ktx.ingest.planner.dlq.AlreadyReplayedException;
import dev.ktx.ingest.planner.run.RunNotStartedException;
import dev.ktx.ingest.service.PublishException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Bad input becomes a 400 problem naming what is wrong; nothing has been published at that point. A run whose jobs
 * could not be published is a 503, and so is a dead letter that could not be replayed; a dead letter replayed before
 * is a 409.
 */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response config(ConfigException e) {
        return ProblemResponses.of(Response.Status.BAD_REQUEST, "invalid ktx.yaml", e.getMessage(), e.problems());
    }

    @ServerExceptionMapper
    public Response plan(PlanException e) {
        return badRequest(e);
    }

    @ServerExceptionMapper
    public Response message(InvalidMessageException e) {
        return badRequest(e);
    }

    @ServerExceptionMapper
    public Response argument(IllegalArgumentException e) {
        return badRequest(e);
    }

    /** The jobs could not be published: nothing was started, the request may be retried (with the same key). */
    @ServerExceptionMapper
    public Response notStarted(RunNotStartedException e) {
        return ProblemResponses.of(
                Response.Status.SERVICE_UNAVAILABLE, "run not started", e.getMessage(), List.of(e.getMessage()));
    }

    /** A dead letter replayed before is replayed again only with {@code force}. */
    @ServerExceptionMapper
    public Response alreadyReplayed(AlreadyReplayedException e) {
        return ProblemResponses.of(
                Response.Status.CONFLICT, "already replayed", e.getMessage(), List.of(e.getMessage()));
    }

    /** A replayed dead letter the broker did not take: the replay may be retried. */
    @ServerExceptionMapper
    public Response notPublished(PublishException e) {
        return ProblemResponses.of(
                Response.Status.SERVICE_UNAVAILABLE, "not published", e.getMessage(), List.of(e.getMessage()));
    }

    private static Response badRequest(RuntimeException e) {
        return ProblemResponses.of(
                Response.Status.BAD_REQUEST, "invalid request", e.getMessage(), List.of(e.getMessage()));
    }
}
