package dev.ktx.ingest.core.source;

import dev.ktx.ingest.core.repo.ArtifactFormatException;
import dev.ktx.ingest.core.repo.ManifestCodec;
import dev.ktx.ingest.core.repo.ManifestEntry;
import dev.ktx.ingest.core.repo.RepoPath;
import dev.ktx.ingest.core.repo.RepoPaths;
import dev.ktx.ingest.core.repo.RepoTree;
import java.util.SortedMap;
import java.util.TreeMap;

/** The manifest-backed sources of one connection: the tables of its {@code _schema/*.yaml} shards, by name. */
public final class Manifests {

    private Manifests() {}

    /**
     * On a name in two shards the first shard in path order wins, as in the gates. A malformed shard fails loudly:
     * treating it as empty would turn every overlay on it into a silent {@code missing_target_table}.
     *
     * @throws ArtifactFormatException {@code <shard path>: <why>}
     */
    public static SortedMap<String, ManifestEntry> entries(RepoTree tree, String connection) {
        SortedMap<String, ManifestEntry> entries = new TreeMap<>();
        for (String path : tree.listFiles(RepoPaths.manifestDir(connection))) {
            if (RepoPaths.classify(path)
                    .filter(RepoPath.ManifestShardPath.class::isInstance)
                    .isEmpty()) {
                continue;
            }
            try {
                ManifestCodec.parse(tree.readText(path).orElseThrow()).tables().forEach(entries::putIfAbsent);
            } catch (ArtifactFormatException e) {
                throw new ArtifactFormatException(path + ": " + e.getMessage());
            }
        }
        return entries;
    }
}
