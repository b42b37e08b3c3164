package dev.ktx.ingest.planner.run;

import dev.ktx.ingest.core.plan.Plan;
import dev.ktx.ingest.core.plan.PlanRequest;
import dev.ktx.ingest.core.plan.Planner;
import dev.ktx.ingest.service.ContextRepositories;
import jakarta.enterprise.context.ApplicationScoped;

/** The plan of a stored run, planned again from the configuration commit it started from. */
@ApplicationScoped
public class RunPlans {

    private final ContextRepositories repositories;

    public RunPlans(ContextRepositories repositories) {
        this.repositories = repositories;
    }

    public Plan of(RunRecord run) {
        PlanRequest request = run.all() ? PlanRequest.all() : PlanRequest.connection(run.connectionId());
        return Planner.plan(repositories.config(run.project(), run.configCommit()), request);
    }
}
