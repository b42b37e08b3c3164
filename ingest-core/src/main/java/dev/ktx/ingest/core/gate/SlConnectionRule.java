package dev.ktx.ingest.core.gate;

import dev.ktx.ingest.core.repo.PathChange;
import dev.ktx.ingest.core.repo.RepoPaths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code semantic-layer target connection not allowed: <path> (<conn>); allowed: a, b} for every changed path below
 * {@code semantic-layer/<conn>/} of a connection this session may not write ({@code (none)} when it may write none).
 */
final class SlConnectionRule implements GateRule {

    @Override
    public List<String> check(GateContext context) {
        var allowed = context.input().allowedSlConnections();
        String allowedList = allowed.isEmpty() ? "(none)" : String.join(", ", allowed);
        List<String> errors = new ArrayList<>();
        for (PathChange change : context.changes().all()) {
            Optional<String> connection = RepoPaths.slConnectionOf(change.path());
            if (connection.isPresent() && !allowed.contains(connection.get())) {
                errors.add("semantic-layer target connection not allowed: " + change.path() + " (" + connection.get()
                        + "); allowed: " + allowedList);
            }
        }
        return errors;
    }
}
