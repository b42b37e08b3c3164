package dev.ktx.ingest.planner.rest;

import dev.ktx.ingest.core.api.RollbackRequestBody;
import dev.ktx.ingest.core.api.RollbackView;
import dev.ktx.ingest.core.messaging.ProjectRef;
import dev.ktx.ingest.planner.project.ReposRoot;
import dev.ktx.ingest.planner.rollback.RollbackRequests;
import dev.ktx.ingest.planner.rollback.RollbackStore;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Rollback of a run (docs/operations.md, "Rolling back a run"): {@code POST} hands it to the finalizer and answers
 * {@code 202} with the request's id; {@code GET .../{rollbackId}} says whether it is still {@code pending} or how it
 * ended.
 */
@Path("/api/ingests/{runId}/rollback")
@Produces(MediaType.APPLICATION_JSON)
public class RollbackResource {

    private final RollbackRequests requests;
    private final RollbackStore store;
    private final ReposRoot reposRoot;

    public RollbackResource(RollbackRequests requests, RollbackStore store, ReposRoot reposRoot) {
        this.requests = requests;
        this.store = store;
        this.reposRoot = reposRoot;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response rollBack(@PathParam("runId") String runId, RollbackRequestBody body) {
        if (body == null) {
            throw new IllegalArgumentException("projectDir: required");
        }
        ProjectRef project = reposRoot.require(
                "", ProjectRefs.of(body.projectId(), body.projectDir(), body.repoUrl(), body.branch()));
        return Response.accepted(requests.request(runId, project, Boolean.TRUE.equals(body.force())))
                .build();
    }

    @GET
    @Path("/{rollbackId}")
    public RollbackView outcome(@PathParam("runId") String runId, @PathParam("rollbackId") String rollbackId) {
        return store.find(rollbackId)
                .filter(rollback -> rollback.runId().equals(runId))
                .orElseThrow(() -> new NotFoundException("no rollback " + rollbackId + " of run " + runId));
    }
}
