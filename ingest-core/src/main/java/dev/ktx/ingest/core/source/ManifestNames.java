package dev.ktx.ingest.core.source;

import dev.ktx.ingest.core.repo.ArtifactFormatException;
import dev.ktx.ingest.core.repo.ManifestCodec;
import dev.ktx.ingest.core.repo.RepoPath;
import dev.ktx.ingest.core.repo.RepoPaths;
import dev.ktx.ingest.core.repo.RepoTree;

import java.util.Set;
import java.util.TreeSet;

/** The manifest-backed source names of one connection: the table names of its {@code _schema/*.yaml} shards. */
public final class ManifestNames {

    private ManifestNames() {
    }

    /**
     * A malformed shard fails loudly: treating it as empty would turn every overlay on it into a silent
     * {@code missing_target_table}.
     *
     * @throws ArtifactFormatException {@code <shard path>: <why>}
     */
    public static Set<String> of(RepoTree tree, String connection) {
        Set<String> names = new TreeSet<>();
        for (String path : tree.listFiles(RepoPaths.manifestDir(connection))) {
            if (RepoPaths.classify(path).filter(RepoPath.ManifestShardPath.class::isInstance).isEmpty()) {
                continue;
            }
            String text = tree.readText(path).orElseThrow();
            try {
                names.addAll(ManifestCodec.parse(text).tables().keySet());
            } catch (ArtifactFormatException e) {
                throw new ArtifactFormatException(path + ": " + e.getMessage());
            }
        }
        return names;
    }
}
