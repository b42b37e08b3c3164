package dev.ktx.ingest.core.plan;

import dev.ktx.ingest.core.config.ConnectionConfig;
import dev.ktx.ingest.core.config.KtxConfig;
import dev.ktx.ingest.core.config.PostgresConnection;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Builds the plan of a run (docs/services.md). Pure function of the config and the request. */
public final class Planner {

    /** Database targets first: sources read the warehouse context the database stage puts on main. */
    private static final Comparator<ConnectionConfig> PLAN_ORDER =
            Comparator.comparing((ConnectionConfig c) -> c.driver().kind()).thenComparing(ConnectionConfig::id);

    private Planner() {}

    public static Plan plan(KtxConfig config, PlanRequest request) {
        if (config.connections().isEmpty()) {
            throw new PlanException("Nothing to ingest: ktx.yaml has no connections");
        }
        Collection<ConnectionConfig> selected = request.connectionIds()
                .map(ids -> selected(config, ids, request.databaseFirst()))
                .orElseGet(() -> List.copyOf(config.connections().values()));
        return new Plan(
                selected.stream().sorted(PLAN_ORDER).map(Planner::target).toList());
    }

    private static Collection<ConnectionConfig> selected(KtxConfig config, Set<String> ids, boolean databaseFirst) {
        Set<ConnectionConfig> selected = new LinkedHashSet<>();
        for (String id : ids) {
            selected.add(config.connection(id)
                    .orElseThrow(() -> new PlanException("Unknown connection: " + id + " (known: "
                            + String.join(", ", config.connections().keySet()) + ")")));
        }
        if (databaseFirst) {
            config.connections().values().stream()
                    .filter(connection -> Operation.of(connection.driver().kind()) == Operation.DATABASE_INGEST)
                    .forEach(selected::add);
        }
        return selected;
    }

    private static PlanTarget target(ConnectionConfig connection) {
        Operation operation = Operation.of(connection.driver().kind());
        List<PlannedStep> steps = operation.steps().stream()
                .map(step -> new PlannedStep(step, isEnabled(connection, step)))
                .toList();
        return new PlanTarget(connection.id(), connection.driver(), operation, steps);
    }

    private static boolean isEnabled(ConnectionConfig connection, Step step) {
        return step != Step.QUERY_HISTORY
                || connection instanceof PostgresConnection postgres
                        && postgres.queryHistory().enabled();
    }
}
