package dev.ktx.ingest.core.gate;

import dev.ktx.ingest.core.repo.PathChange;
import dev.ktx.ingest.core.repo.RepoPath;
import dev.ktx.ingest.core.repo.RepoPath.ManifestShardPath;
import dev.ktx.ingest.core.repo.RepoPath.ProvenancePath;
import dev.ktx.ingest.core.repo.RepoPath.SlSourcePath;
import dev.ktx.ingest.core.repo.RepoPath.WikiPagePath;
import dev.ktx.ingest.core.repo.RepoPaths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The session's changes sorted by path and grouped by artifact kind. "Written" means added or modified and now a
 * regular file; other new kinds are the path rule's business. Paths outside the layout appear in no group.
 */
record SessionChanges(
        List<PathChange> all,
        List<WikiPagePath> writtenPages,
        List<WikiPagePath> deletedPages,
        List<SlSourcePath> writtenSources,
        List<SlSourcePath> deletedSources,
        List<ManifestShardPath> changedShards,
        List<ProvenancePath> writtenProvenance) {

    static SessionChanges of(List<PathChange> changes) {
        List<PathChange> sorted =
                changes.stream().sorted(Comparator.comparing(PathChange::path)).toList();
        List<WikiPagePath> writtenPages = new ArrayList<>();
        List<WikiPagePath> deletedPages = new ArrayList<>();
        List<SlSourcePath> writtenSources = new ArrayList<>();
        List<SlSourcePath> deletedSources = new ArrayList<>();
        List<ManifestShardPath> changedShards = new ArrayList<>();
        List<ProvenancePath> writtenProvenance = new ArrayList<>();
        for (PathChange change : sorted) {
            Optional<RepoPath> classified = RepoPaths.classify(change.path());
            if (classified.isEmpty()
                    || !(change.isDeletion() || change.newKind().isRegularFile())) {
                continue;
            }
            RepoPath path = classified.get();
            if (path instanceof WikiPagePath page) {
                (change.isDeletion() ? deletedPages : writtenPages).add(page);
            } else if (path instanceof SlSourcePath source) {
                (change.isDeletion() ? deletedSources : writtenSources).add(source);
            } else if (path instanceof ManifestShardPath shard) {
                changedShards.add(shard);
            } else if (path instanceof ProvenancePath provenance && !change.isDeletion()) {
                writtenProvenance.add(provenance);
            }
        }
        return new SessionChanges(
                sorted, writtenPages, deletedPages, writtenSources, deletedSources, changedShards, writtenProvenance);
    }
}
