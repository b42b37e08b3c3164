package dev.ktx.ingest.core.database;

import dev.ktx.ingest.core.git.Changeset;
import dev.ktx.ingest.core.repo.InMemoryRepoTree;

/** Applies a changeset to an in-memory tree, as a session commit would. */
public final class Trees {

    private Trees() {}

    public static InMemoryRepoTree apply(InMemoryRepoTree base, Changeset changes) {
        InMemoryRepoTree next = base.copy();
        changes.writes().forEach(next::bytes);
        changes.deletes().forEach(next::remove);
        return next;
    }
}
