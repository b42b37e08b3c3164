package dev.ktx.ingest.core.gate;

import dev.ktx.ingest.core.repo.PathChange;
import dev.ktx.ingest.core.repo.RepoTree;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What the final gates look at: the session tree (already refreshed from {@code main}), the {@code main}
 * tree it will replace, the paths the session changed relative to {@code main}, and the connections whose
 * {@code semantic-layer/<conn>/} directories this session may write.
 */
public record GateInput(
        RepoTree main, RepoTree session, List<PathChange> changes, SortedSet<String> allowedSlConnections) {

    public GateInput {
        Objects.requireNonNull(main, "main");
        Objects.requireNonNull(session, "session");
        changes = List.copyOf(changes);
        allowedSlConnections = new TreeSet<>(allowedSlConnections);
    }

    public static GateInput of(RepoTree main, RepoTree session, List<PathChange> changes, Set<String> allowed) {
        return new GateInput(main, session, changes, new TreeSet<>(allowed));
    }
}
