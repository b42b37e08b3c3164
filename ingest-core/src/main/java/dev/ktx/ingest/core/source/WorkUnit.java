package dev.ktx.ingest.core.source;

import dev.ktx.ingest.core.repo.RepoTree;

/**
 * An independent piece of a source run (a dbt model group, a Metabase collection, a Notion page tree). Units of one
 * run execute in parallel, each against the same base tree, so a unit must not depend on another's output;
 * integration applies their outputs in unit order.
 */
public interface WorkUnit {

    /** Stable id, also the integration order (units are sorted by id). */
    String id();

    UnitOutput run(StagedSnapshot snapshot, RepoTree base);
}
