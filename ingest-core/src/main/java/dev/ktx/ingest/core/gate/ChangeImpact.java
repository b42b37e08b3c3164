package dev.ktx.ingest.core.gate;

import dev.ktx.ingest.core.repo.ManifestEntry;
import dev.ktx.ingest.core.repo.ManifestShard;
import dev.ktx.ingest.core.repo.RepoPath.ManifestShardPath;
import dev.ktx.ingest.core.repo.RepoPath.SlSourcePath;
import dev.ktx.ingest.core.repo.RepoPath.WikiPagePath;
import dev.ktx.ingest.core.repo.SlRef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the session's changes can break outside the files it wrote: pages that link to a deleted page, pages that
 * refer to a changed or deleted SL source or manifest entry, and SL files named after a manifest entry that changed
 * (an overlay may have lost its entry or columns, a standalone source may now shadow a new entry). Manifest changes
 * are narrowed to the entries that differ between the {@code main} and session versions of each changed shard.
 */
final class ChangeImpact implements ReferenceScope {

    private final Set<String> deletedPages = new TreeSet<>();
    /** {@code <conn>/<name>} of SL sources whose definition changed. */
    private final Set<String> sourceKeys = new TreeSet<>();

    private final Set<String> sourceNames = new TreeSet<>();
    /** {@code <schema>.<table>} of manifest entries that changed. */
    private final Set<String> tables = new TreeSet<>();

    private final List<SlSourcePath> slFilesToRevalidate = new ArrayList<>();

    static ChangeImpact of(SessionChanges changes, SemanticLayerCatalog main, SemanticLayerCatalog session) {
        ChangeImpact impact = new ChangeImpact();
        changes.deletedPages().stream().map(WikiPagePath::key).forEach(impact.deletedPages::add);
        for (SlSourcePath source : changes.writtenSources()) {
            if (main.slSource(source.connection(), source.name()).isPresent()) {
                impact.addSource(source.connection(), source.name());
            }
        }
        changes.deletedSources().forEach(source -> impact.addSource(source.connection(), source.name()));
        Set<SlSourcePath> written = new HashSet<>(changes.writtenSources());
        for (ManifestShardPath shard : changes.changedShards()) {
            for (String name : changedEntries(shard, main, session)) {
                impact.addSource(shard.connection(), name);
                impact.tables.add(shard.shard() + "." + name);
                SlSourcePath file = new SlSourcePath(shard.connection(), name);
                if (!written.contains(file)
                        && session.slSource(shard.connection(), name).isPresent()) {
                    impact.slFilesToRevalidate.add(file);
                }
            }
        }
        return impact;
    }

    private static Set<String> changedEntries(
            ManifestShardPath path, SemanticLayerCatalog main, SemanticLayerCatalog session) {
        Map<String, ManifestEntry> before = tables(main, path);
        Map<String, ManifestEntry> after = tables(session, path);
        Set<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        names.removeIf(name -> Objects.equals(before.get(name), after.get(name)));
        return names;
    }

    private static Map<String, ManifestEntry> tables(SemanticLayerCatalog catalog, ManifestShardPath path) {
        return catalog.shard(path.connection(), path.shard())
                .flatMap(Parsed::valid)
                .map(ManifestShard::tables)
                .orElse(Collections.emptySortedMap());
    }

    private void addSource(String connection, String name) {
        sourceKeys.add(connection + "/" + name);
        sourceNames.add(name);
    }

    /** SL files the session did not write but whose manifest entry it changed, in path order. */
    List<SlSourcePath> slFilesToRevalidate() {
        return slFilesToRevalidate;
    }

    /** Whether pages the session did not write may now be broken. */
    boolean reachesUnchangedPages() {
        return !deletedPages.isEmpty() || !sourceNames.isEmpty();
    }

    /**
     * Cheap prefilter on a page's raw text: a page can only refer to a changed target whose name it contains.
     * Table names are source names of the same entries, so they need no needle of their own.
     */
    boolean mayBeReferencedBy(String pageText) {
        return deletedPages.stream().anyMatch(pageText::contains)
                || sourceNames.stream().anyMatch(pageText::contains);
    }

    @Override
    public boolean coversPage(String key) {
        return deletedPages.contains(key);
    }

    @Override
    public boolean coversSource(SlRef ref) {
        return ref.connection() == null
                ? sourceNames.contains(ref.source())
                : sourceKeys.contains(ref.connection() + "/" + ref.source());
    }

    @Override
    public boolean coversTable(String schemaTable) {
        return tables.contains(schemaTable);
    }
}
