package dev.ktx.ingest.planner.state;

import dev.ktx.ingest.core.plan.Plan;
import dev.ktx.ingest.core.plan.Planner;
import dev.ktx.ingest.service.ContextRepositories;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The plan of a stored run, planned again from the configuration commit it started from. A run's plan never
 * changes, so recent ones are kept: every result and barrier event of a run needs it.
 */
@ApplicationScoped
public class RunPlans {

    private static final int RECENT_RUNS = 256;

    private final ContextRepositories repositories;
    private final Map<String, Plan> recent = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Plan> eldest) {
            return size() > RECENT_RUNS;
        }
    });

    public RunPlans(ContextRepositories repositories) {
        this.repositories = repositories;
    }

    public Plan of(RunRecord run) {
        return recent.computeIfAbsent(run.runId(), runId -> plan(run));
    }

    private Plan plan(RunRecord run) {
        return Planner.plan(repositories.config(run.project(), run.configCommit()), run.planRequest());
    }
}
