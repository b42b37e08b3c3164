package dev.ktx.ingest.planner.rest;

import dev.ktx.ingest.core.api.IngestRequestBody;
import dev.ktx.ingest.core.api.RunSummary;
import dev.ktx.ingest.core.api.RunTrigger;
import dev.ktx.ingest.core.api.RunView;
import dev.ktx.ingest.core.api.StartedRun;
import dev.ktx.ingest.core.messaging.IngestRequestMessage;
import dev.ktx.ingest.core.messaging.ProjectRef;
import dev.ktx.ingest.core.plan.Plan;
import dev.ktx.ingest.core.plan.RunResults;
import dev.ktx.ingest.core.trace.TraceJson;
import dev.ktx.ingest.planner.project.ReposRoot;
import dev.ktx.ingest.planner.restore.RunRestorer;
import dev.ktx.ingest.planner.run.RunPlanner;
import dev.ktx.ingest.planner.state.RecentRuns;
import dev.ktx.ingest.planner.state.RunPlans;
import dev.ktx.ingest.planner.state.RunRecord;
import dev.ktx.ingest.planner.state.RunStore;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Path("/api/ingests")
@Produces(MediaType.APPLICATION_JSON)
public class IngestResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** Sent by {@code ktx}, so that {@code GET /api/ingests} tells CLI runs from other REST clients' runs. */
    static final String CLIENT = "Ktx-Client";

    private static final int MAX_IDEMPOTENCY_KEY = 255;

    private final RunPlanner planner;
    private final RunPlans plans;
    private final RunStore store;
    private final RunRestorer restorer;
    private final ReposRoot reposRoot;
    private final RecentRuns recentRuns;

    public IngestResource(
            RunPlanner planner,
            RunPlans plans,
            RunStore store,
            RunRestorer restorer,
            ReposRoot reposRoot,
            RecentRuns recentRuns) {
        this.planner = planner;
        this.plans = plans;
        this.store = store;
        this.restorer = restorer;
        this.reposRoot = reposRoot;
        this.recentRuns = recentRuns;
    }

    /**
     * Starts a run and answers {@code 202 {runId}} once the broker has its database jobs. The same
     * {@code Idempotency-Key} for the same project answers {@code 202} with the first run's id and starts nothing.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(
            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
            @HeaderParam(CLIENT) String client,
            IngestRequestBody body) {
        String runId = planner.start(
                toRequest(body, idempotencyKey),
                RunTrigger.of("cli".equals(client) ? RunTrigger.Kind.cli : RunTrigger.Kind.rest));
        return Response.accepted(new StartedRun(runId)).build();
    }

    /** The latest runs, newest first (at most {@value RecentRuns#LIMIT}). */
    @GET
    public List<RunSummary> recent() {
        return recentRuns.newestFirst();
    }

    /**
     * The run's state. With {@code projectDir} (and optionally {@code projectId}), a run the planner lost (Redis
     * restarted without persistence) is restored from that project's repository first.
     */
    @GET
    @Path("/{runId}")
    public RunView run(
            @PathParam("runId") String runId,
            @QueryParam("projectDir") String projectDir,
            @QueryParam("repoUrl") String repoUrl,
            @QueryParam("branch") String branch,
            @QueryParam("projectId") String projectId) {
        Optional<ProjectRef> project =
                (projectDir == null || projectDir.isBlank()) && (repoUrl == null || repoUrl.isBlank())
                        ? Optional.empty()
                        : Optional.of(reposRoot.require("", ProjectRefs.of(projectId, projectDir, repoUrl, branch)));
        RunRecord run = store.find(runId)
                .or(() -> project.flatMap(named -> restorer.restore(runId, named)))
                .orElseThrow(() -> new NotFoundException("no run " + runId));
        Plan plan = plans.of(run);
        // The flag first: it is set after the last result, and results never change, so a finished run is read whole.
        boolean finished = store.isSet(runId, RunStore.Flag.finished);
        RunResults results = RunResults.inPlanOrder(plan, store.results(runId));
        return new RunView(
                runId,
                finished ? RunView.FINISHED : RunView.RUNNING,
                finished ? results.exitCode() : null,
                plan,
                results);
    }

    /** The run's trace events in time order, one JSON object per line. */
    @GET
    @Path("/{runId}/trace")
    @Produces("application/x-ndjson")
    public String trace(@PathParam("runId") String runId) {
        store.find(runId).orElseThrow(() -> new NotFoundException("no run " + runId));
        List<String> lines = store.trace(runId).stream()
                .map(line -> Map.entry(TraceJson.fromLine(line).at(), line))
                .sorted(Map.Entry.comparingByKey())
                .map(Map.Entry::getValue)
                .toList();
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }

    private static IngestRequestMessage toRequest(IngestRequestBody body, String idempotencyKey) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY)) {
            throw new IllegalArgumentException(IDEMPOTENCY_KEY + ": 1 to " + MAX_IDEMPOTENCY_KEY + " characters");
        }
        if (body == null) {
            throw new IllegalArgumentException("body: an ingest request is required");
        }
        ProjectRef project = ProjectRefs.of(body.projectId(), body.projectDir(), body.repoUrl(), body.branch());
        boolean all = Boolean.TRUE.equals(body.all());
        if (all == (body.connectionId() != null)) {
            throw new IllegalArgumentException("connectionId/all: give either connectionId or all=true");
        }
        return IngestRequestMessage.of(project, body.connectionId(), all).withRequestId(idempotencyKey);
    }
}
