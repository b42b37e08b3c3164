package dev.ktx.ingest.core.gate;

import dev.ktx.ingest.core.repo.ManifestCodec;
import dev.ktx.ingest.core.repo.ManifestEntry;
import dev.ktx.ingest.core.repo.ManifestShard;
import dev.ktx.ingest.core.repo.RepoPath;
import dev.ktx.ingest.core.repo.RepoPaths;
import dev.ktx.ingest.core.repo.RepoTree;
import dev.ktx.ingest.core.repo.SlRef;
import dev.ktx.ingest.core.repo.SlSource;
import dev.ktx.ingest.core.repo.SlSourceCodec;
import dev.ktx.ingest.core.repo.SourceDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The semantic layer of one tree as the gates need it, loaded on demand by direct path lookups and cached for one
 * check: a source costs one SL file read plus the connection's manifest shards (read once per connection).
 * Malformed files resolve as absent here; reporting them is {@link SemanticLayerRule}'s job.
 */
final class SemanticLayerCatalog {

    private final RepoTree tree;
    private final Map<String, Optional<Parsed<ManifestShard>>> shards = new HashMap<>();
    private final Map<String, Optional<Parsed<SlSource>>> sources = new HashMap<>();
    private final Map<String, SortedMap<String, ManifestEntry>> manifests = new HashMap<>();
    private List<String> connections;

    SemanticLayerCatalog(RepoTree tree) {
        this.tree = tree;
    }

    Optional<Parsed<ManifestShard>> shard(String connection, String shard) {
        return shards.computeIfAbsent(
                RepoPaths.manifestShard(connection, shard),
                path -> tree.readText(path).map(text -> Parsed.of(text, ManifestCodec::parse)));
    }

    Optional<Parsed<SlSource>> slSource(String connection, String name) {
        return sources.computeIfAbsent(
                RepoPaths.slSource(connection, name),
                path -> tree.readText(path).map(text -> Parsed.of(text, SlSourceCodec::parse)));
    }

    /** Entries of all valid shards of the connection; on a duplicate name the first shard in path order wins. */
    SortedMap<String, ManifestEntry> manifest(String connection) {
        return manifests.computeIfAbsent(connection, conn -> {
            SortedMap<String, ManifestEntry> entries = new TreeMap<>();
            for (String path : tree.listFiles(RepoPaths.manifestDir(conn))) {
                RepoPaths.classify(path)
                        .filter(RepoPath.ManifestShardPath.class::isInstance)
                        .flatMap(shardPath -> shard(conn, ((RepoPath.ManifestShardPath) shardPath).shard()))
                        .flatMap(Parsed::valid)
                        .ifPresent(shard -> shard.tables().forEach(entries::putIfAbsent));
            }
            return entries;
        });
    }

    Optional<SourceDefinition> source(String connection, String name) {
        if (!RepoPaths.isSafeSegment(connection) || !RepoPaths.isSafeSegment(name)) {
            return Optional.empty();
        }
        Optional<Parsed<SlSource>> file = slSource(connection, name);
        Optional<ManifestEntry> entry = Optional.ofNullable(manifest(connection).get(name));
        if (file.isEmpty() && entry.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SourceDefinition(file.flatMap(Parsed::valid), entry));
    }

    /** The definitions a reference may mean: in its connection, or in every connection when it names none. */
    List<SourceDefinition> resolve(SlRef ref) {
        List<SourceDefinition> found = new ArrayList<>();
        for (String connection : ref.connection() == null ? connections() : List.of(ref.connection())) {
            source(connection, ref.source()).ifPresent(found::add);
        }
        return found;
    }

    /** Whether a manifest shard {@code <schema>.yaml} of any connection has a table named {@code table}. */
    boolean hasRawTable(String schema, String table) {
        return RepoPaths.isSafeSegment(schema)
                && connections().stream()
                        .anyMatch(connection -> shard(connection, schema)
                                .flatMap(Parsed::valid)
                                .map(s -> s.tables().containsKey(table))
                                .orElse(false));
    }

    /** Connection ids that have a semantic-layer directory; one listing of {@code semantic-layer/} per check. */
    List<String> connections() {
        if (connections == null) {
            TreeSet<String> ids = new TreeSet<>();
            tree.listFilesRecursive(RepoPaths.SEMANTIC_LAYER_DIR)
                    .forEach(path -> RepoPaths.slConnectionOf(path).ifPresent(ids::add));
            connections = List.copyOf(ids);
        }
        return connections;
    }
}
