package dev.ktx.ingest.core.database;

import dev.ktx.ingest.core.repo.ArtifactFormatException;
import dev.ktx.ingest.core.repo.ManifestCodec;
import dev.ktx.ingest.core.repo.ManifestShard;
import dev.ktx.ingest.core.repo.RepoPath;
import dev.ktx.ingest.core.repo.RepoPaths;
import dev.ktx.ingest.core.repo.RepoTree;
import dev.ktx.ingest.core.repo.TableUsage;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The manifest shards a connection has in a tree, each parsed at most once: for the usage they record, and to tell
 * which shards a scan leaves as they are. Writing a shard costs more than reading one, so a scan of an unchanged
 * warehouse (the usual case) writes none.
 */
final class CurrentManifest {

    private final SortedMap<String, String> files;
    private final Map<String, Optional<ManifestShard>> parsed = new HashMap<>();

    private CurrentManifest(SortedMap<String, String> files) {
        this.files = files;
    }

    static CurrentManifest of(RepoTree tree, String connectionId) {
        return new CurrentManifest(ManifestShards.shardFiles(tree, connectionId));
    }

    /** Shard files by path, sorted. */
    SortedMap<String, String> files() {
        return files;
    }

    /**
     * The usage recorded in the shards, by qualified name: kept when query history did not give an authoritative
     * answer this time. Shards that cannot be parsed contribute nothing (they are rewritten from the catalog).
     */
    Map<String, TableUsage> usage() {
        Map<String, TableUsage> usage = new HashMap<>();
        files.keySet()
                .forEach(path -> shard(path).ifPresent(shard -> {
                    String schema = ((RepoPath.ManifestShardPath)
                                    RepoPaths.classify(path).orElseThrow())
                            .shard();
                    shard.tables().forEach((name, entry) -> {
                        if (entry.usage() != null) {
                            usage.put(schema + "." + name, entry.usage());
                        }
                    });
                }));
        return usage;
    }

    /** The text of {@code shard} at {@code path}: the current file when it already holds exactly it, else written. */
    String text(String path, ManifestShard shard) {
        return shard(path)
                .filter(shard::equals)
                .map(same -> files.get(path))
                .orElseGet(() -> ManifestCodec.write(shard));
    }

    private Optional<ManifestShard> shard(String path) {
        return parsed.computeIfAbsent(path, p -> {
            String text = files.get(p);
            if (text == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(ManifestCodec.parse(text));
            } catch (ArtifactFormatException e) {
                return Optional.empty();
            }
        });
    }
}
