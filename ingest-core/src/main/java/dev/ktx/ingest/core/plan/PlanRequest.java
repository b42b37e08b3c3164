package dev.ktx.ingest.core.plan;

import java.util.Objects;
import java.util.Optional;

/** What to ingest: every connection ({@code --all}) or one connection. */
public record PlanRequest(Optional<String> connectionId) {

    private static final PlanRequest ALL = new PlanRequest(Optional.empty());

    public PlanRequest {
        Objects.requireNonNull(connectionId, "connectionId");
    }

    public static PlanRequest all() {
        return ALL;
    }

    public static PlanRequest connection(String connectionId) {
        return new PlanRequest(Optional.of(connectionId));
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
