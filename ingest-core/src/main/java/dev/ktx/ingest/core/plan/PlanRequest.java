package dev.ktx.ingest.core.plan;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What to ingest: every connection ({@code --all}), or a set of connections (one from the CLI or REST, several when
 * upstream events coalesce).
 *
 * @param connectionIds empty for every connection
 * @param databaseFirst with a set of connections: every database connection of the project runs too, first
 *                      (a trigger rule's {@code databaseFirst}); without it only the named connections run
 */
public record PlanRequest(Optional<SortedSet<String>> connectionIds, boolean databaseFirst) {

    private static final PlanRequest ALL = new PlanRequest(Optional.empty(), false);

    public PlanRequest {
        Objects.requireNonNull(connectionIds, "connectionIds");
        connectionIds = connectionIds.map(ids -> {
            if (ids.isEmpty()) {
                throw new PlanException("Nothing to ingest: no connection ids given");
            }
            return Collections.unmodifiableSortedSet(new TreeSet<>(ids));
        });
    }

    public static PlanRequest all() {
        return ALL;
    }

    public static PlanRequest connection(String connectionId) {
        return connections(List.of(connectionId), false);
    }

    public static PlanRequest connections(Collection<String> connectionIds, boolean databaseFirst) {
        return new PlanRequest(Optional.of(new TreeSet<>(connectionIds)), databaseFirst);
    }

    /**
     * From user input (CLI arguments, a REST body), where both or neither may be given.
     *
     * @param connectionId null when not given
     * @throws PlanException unless exactly one of the two is given
     */
    public static PlanRequest of(String connectionId, boolean all) {
        if (connectionId != null && all) {
            throw new PlanException("Give either a connection id or --all, not both");
        }
        if (connectionId == null && !all) {
            throw new PlanException("Nothing to ingest: give a connection id or --all");
        }
        return all ? all() : connection(connectionId);
    }
}
